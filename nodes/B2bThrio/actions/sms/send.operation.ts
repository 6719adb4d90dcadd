import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { text } from '../../../../lib/normalize';
import { additionalFieldsCollection, eachItem, optionsCollection, problemError } from '../../../../lib/node-kit';
import { sendSms } from '../../../../lib/destinations/thrio';
import type { Sms } from '../../../../lib/destinations/thrio';
import { PERSON_PHONE_EXPRESSION, callOptions } from '../fields';

const show = { resource: ['sms'], operation: ['send'] };

export const description: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: PERSON_PHONE_EXPRESSION,
		placeholder: '+14155550100',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		typeOptions: { rows: 3 },
		displayOptions: { show },
		default: '',
	},
	additionalFieldsCollection(show, [
		{ displayName: 'Campaign ID', name: 'campaignId', type: 'string', default: '', description: 'The campaign the message is sent for' },
	]),
	optionsCollection(show),
];

/**
 * One SMS per item. Thrio refuses an address that opted out (see Consent); its refusal fails that
 * item with Thrio's own words, or under continue-on-fail is passed through on the item.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await eachItem(this, items, async (itemIndex) => {
		const to = text(this.getNodeParameter('to', itemIndex, ''));
		const message = text(this.getNodeParameter('message', itemIndex, ''));
		if (to === undefined) throw problemError(this, itemIndex, { field: 'to', message: 'no phone number to send the SMS to' });
		if (message === undefined) throw problemError(this, itemIndex, { field: 'message', message: 'the message is empty' });
		const sms: Sms = { to, message };
		const campaignId = text((this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject).campaignId);
		if (campaignId !== undefined) sms.campaignId = campaignId;
		return { to, ...(await sendSms(this, sms, callOptions(this, itemIndex))) };
	});
}
