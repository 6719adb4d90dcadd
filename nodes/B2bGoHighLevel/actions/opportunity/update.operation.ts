import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import { updateOpportunity } from '../../../../lib/destinations/goHighLevel';
import { setFields } from '../fields';
import { GhlRun } from '../run';
import { ASSIGNED_TO_FIELD, MONETARY_VALUE_FIELD, NAME_FIELD, PIPELINE_FIELD, STATUS_FIELD, stageField } from './fields';

const show = { resource: ['opportunity'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ displayName: 'Opportunity ID', name: 'opportunityId', type: 'string', required: true, displayOptions: { show }, default: '' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [ASSIGNED_TO_FIELD, MONETARY_VALUE_FIELD, NAME_FIELD, PIPELINE_FIELD, stageField('updateFields.pipelineId'), STATUS_FIELD],
	},
	optionsCollection(show),
];

/** Moves a deal (pipeline, stage), closes it (status) or revalues it; fields not given keep their value. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const fields = setFields(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
		return await updateOpportunity(
			this,
			run.connection,
			this.getNodeParameter('opportunityId', itemIndex) as string,
			fields,
			run.call(itemIndex),
		);
	});
}
