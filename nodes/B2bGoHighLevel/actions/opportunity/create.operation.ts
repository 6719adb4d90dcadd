import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, eachItem, optionsCollection } from '../../../../lib/node-kit';
import { createOpportunity } from '../../../../lib/destinations/goHighLevel';
import { setFields } from '../fields';
import { GhlRun } from '../run';
import { ASSIGNED_TO_FIELD, MONETARY_VALUE_FIELD, NAME_FIELD, PIPELINE_FIELD, STATUS_FIELD, stageField } from './fields';

const show = { resource: ['opportunity'], operation: ['create'] };
const on = { show };

export const description: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		displayOptions: on,
		default: '={{ $json.contact?.id ?? $json.id }}',
		description: 'The contact the deal is with; after a contact Upsert it is the contact it returned',
	},
	{ ...NAME_FIELD, required: true, displayOptions: on },
	{ ...PIPELINE_FIELD, required: true, displayOptions: on },
	{ ...stageField('pipelineId'), required: true, displayOptions: on },
	{ ...STATUS_FIELD, displayOptions: on },
	additionalFieldsCollection(show, [ASSIGNED_TO_FIELD, MONETARY_VALUE_FIELD]),
	optionsCollection(show),
];

/** Sends only what HighLevel's `CreateDto` holds: it has no source. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const read = (name: string) => this.getNodeParameter(name, itemIndex) as string;
		const fields = setFields({
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			contactId: read('contactId'),
			name: read('name'),
			pipelineId: read('pipelineId'),
			pipelineStageId: read('pipelineStageId'),
			status: read('status'),
		});
		return await createOpportunity(this, run.connection, fields, run.call(itemIndex));
	});
}
