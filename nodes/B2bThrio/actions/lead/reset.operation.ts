import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import { resetLead } from '../../../../lib/destinations/thrio';
import { callOptions, idField, outboundListField } from '../fields';

const show = { resource: ['lead'], operation: ['reset'] };

export const description: INodeProperties[] = [outboundListField(show), idField('Lead ID', 'leadId', show), optionsCollection(show)];

/** Puts a lead back in the dialing queue: no attempts, status new. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await eachItem(
		this,
		items,
		async (itemIndex) =>
			await resetLead(
				this,
				this.getNodeParameter('outboundListId', itemIndex) as string,
				this.getNodeParameter('leadId', itemIndex) as string,
				callOptions(this, itemIndex),
			),
	);
}
