import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, writeEachItem } from '../../../../lib/node-kit';
import { addLead } from '../../../../lib/destinations/thrio';
import { callOptions, outboundListField } from '../fields';
import { personInput, personInputFields } from '../person';

const show = { resource: ['lead'], operation: ['add'] };

export const description: INodeProperties[] = [outboundListField(show), ...personInputFields(show, true), optionsCollection(show)];

/** A plain add may create a lead, so, as for a contact, every item is checked before the first is added. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await writeEachItem(
		this,
		items,
		(itemIndex) => personInput(this, items[itemIndex].json, itemIndex, true),
		async (lead, itemIndex) =>
			await addLead(this, this.getNodeParameter('outboundListId', itemIndex) as string, lead, callOptions(this, itemIndex)),
	);
}
