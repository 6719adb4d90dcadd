import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem } from '../../../../lib/node-kit';
import { addLead } from '../../../../lib/providers/thrio';
import { callOptions, optionsField, outboundListField } from '../fields';
import { personInput, personInputFields } from '../person';

const show = { resource: ['lead'], operation: ['add'] };

export const description: INodeProperties[] = [outboundListField(show), ...personInputFields(show, true), optionsField(show)];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await eachItem(this, items, async (itemIndex) => {
		const lead = personInput(this, items[itemIndex].json, itemIndex, true);
		return await addLead(this, this.getNodeParameter('outboundListId', itemIndex) as string, lead, callOptions(this, itemIndex));
	});
}
