import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection, problemError, returnAllAndLimit } from '../../../../lib/node-kit';
import { searchContacts, searchTextProblem } from '../../../../lib/destinations/goHighLevel';
import type { GhlContactSearch } from '../../../../lib/destinations/goHighLevel';

import { GhlRun } from '../run';

const show = { resource: ['contact'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit({ show }, 'HighLevel is read up to 500 contacts per request.'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Free text matched against names, emails, phones and company names; at most 75 characters',
			},
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '', description: 'Only contacts with this tag (at most 75 characters)' },
		],
	},
	optionsCollection(show),
];

/**
 * Pages with HighLevel's `searchAfter` cursor rather than page numbers, which is what lets Return
 * All go past the first 100 contacts (and past HighLevel's 10,000-record page limit). A query or
 * tag longer than HighLevel's 75 characters fails the item before anything is sent.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const limit = this.getNodeParameter('returnAll', itemIndex) ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const { query, tag } = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const search: GhlContactSearch = { query: typeof query === 'string' && query !== '' ? query : undefined };
		if (typeof tag === 'string' && tag.trim() !== '') search.filters = [{ field: 'tags', operator: 'eq', value: tag.trim().toLowerCase() }];
		const problem = searchTextProblem('query', search.query) ?? searchTextProblem('tag', search.filters?.[0].value);
		if (problem) throw problemError(this, itemIndex, problem);
		return await searchContacts(this, run.connection, search, limit, run.call(itemIndex));
	});
}
