import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection, returnAllAndLimit } from '../../../../lib/node-kit';
import { listAll } from '../../../../lib/destinations/thrio';
import { callOptions } from '../fields';

const show = { resource: ['contact'], operation: ['search'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		displayOptions: { show },
		default: '',
		placeholder: 'email:ada@example.com',
		description: 'Thrio\'s q: "field:value" for one field, or free text over every field; empty returns every contact',
	},
	...returnAllAndLimit({ show }, 'Thrio is read up to 1,000 contacts per request.'),
	optionsCollection(show, [
		{
			displayName: 'Start',
			name: 'start',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: "How many matching contacts to skip (Thrio's 0-based start)",
		},
	]),
];

/** Thrio's `rows`/`start` paging, followed to the reported total or the limit. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await eachItem(this, items, async (itemIndex) => {
		const limit = this.getNodeParameter('returnAll', itemIndex) ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const { start } = this.getNodeParameter('options', itemIndex, {}) as { start?: number };
		const query = (this.getNodeParameter('query', itemIndex, '') as string).trim();
		return await listAll(this, 'contact', query === '' ? undefined : query, limit, { ...callOptions(this, itemIndex), start });
	});
}
