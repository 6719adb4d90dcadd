import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection, returnAllAndLimit } from '../../../../lib/node-kit';
import { OPPORTUNITY_STATUSES, searchOpportunities } from '../../../../lib/destinations/goHighLevel';
import { setFields } from '../fields';
import { GhlRun } from '../run';
import { PIPELINE_FIELD, STATUS_FIELD, stageField } from './fields';

const show = { resource: ['opportunity'], operation: ['getMany'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit({ show }, 'HighLevel is read up to 100 opportunities per request.'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show },
		default: {},
		options: [
			{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '' },
			PIPELINE_FIELD,
			{ displayName: 'Query', name: 'query', type: 'string', default: '', description: 'Free text matched against opportunity names' },
			stageField('filters.pipelineId'),
			{ ...STATUS_FIELD, options: [{ name: 'All', value: 'all' }, ...(STATUS_FIELD.options ?? [])], default: 'all' },
		],
	},
	optionsCollection(show),
];

/** The node's filter names to HighLevel's query parameters. */
const QUERY_NAMES: Record<string, string> = {
	contactId: 'contact_id',
	pipelineId: 'pipeline_id',
	pipelineStageId: 'pipeline_stage_id',
	query: 'q',
	status: 'status',
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const limit = this.getNodeParameter('returnAll', itemIndex) ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = setFields(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		const qs = Object.fromEntries(Object.entries(filters).map(([name, value]) => [QUERY_NAMES[name] ?? name, value]));
		if (qs.status !== undefined && !(OPPORTUNITY_STATUSES as readonly unknown[]).includes(qs.status)) delete qs.status;
		return await searchOpportunities(this, run.connection, qs, limit, run.call(itemIndex));
	});
}
