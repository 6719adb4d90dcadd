import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { text } from '../../../../lib/normalize';
import { additionalFieldsCollection, eachItem, optionsCollection, problemError } from '../../../../lib/node-kit';
import { COMM_TYPES, recordConsent } from '../../../../lib/destinations/thrio';
import type { CommConsent, CommType } from '../../../../lib/destinations/thrio';
import { PERSON_PHONE_EXPRESSION, callOptions } from '../fields';

const show = { resource: ['consent'], operation: ['record'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: PERSON_PHONE_EXPRESSION,
		placeholder: '+14155550100',
		description: 'The phone number (or, for email, the address) the consent is about',
	},
	{
		displayName: 'Channel',
		name: 'commType',
		type: 'options',
		displayOptions: { show },
		options: COMM_TYPES.map((type) => ({ name: type === 'SMS' ? 'SMS' : type.charAt(0) + type.slice(1).toLowerCase(), value: type })),
		default: 'SMS',
	},
	{
		displayName: 'Consent',
		name: 'consent',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'Opt Out', value: 'optOut', description: 'Thrio will not call or text the address on this channel' },
			{
				name: 'Opt In (Not Sent)',
				value: 'optIn',
				description: "Thrio's API documents no opt-in: each item fails with an explanation and nothing is recorded",
			},
		],
		default: 'optOut',
		description:
			"Thrio's API records a consent as an opt-out; it documents no field for an opt-in, so version 0.1.0's Opt In is no longer sent",
	},
	{ displayName: 'Reason', name: 'reason', type: 'string', displayOptions: { show }, default: '', placeholder: 'Replied STOP' },
	additionalFieldsCollection(show, [
		{ displayName: 'Campaign ID', name: 'campaignId', type: 'string', default: '', description: 'Limit the consent to one campaign' },
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			description: 'The Thrio contact the address belongs to',
		},
	]),
	optionsCollection(show),
];

/** A `commconsent` record: Thrio checks these before it dials or texts an address. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await eachItem(this, items, async (itemIndex) => {
		// Sending 0.1.0's undocumented `optIn` flag could record the opposite of what was meant: an opt-out.
		if (this.getNodeParameter('consent', itemIndex) === 'optIn')
			throw problemError(this, itemIndex, {
				field: 'consent',
				message: "Consent is Opt In, which is not sent: Thrio's API documents no opt-in and reads a consent record as an opt-out",
			});
		const address = text(this.getNodeParameter('address', itemIndex, ''));
		if (address === undefined) throw problemError(this, itemIndex, { field: 'address', message: 'no address to record a consent for' });
		const { campaignId, contactId } = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const consent: CommConsent = { address, commType: this.getNodeParameter('commType', itemIndex) as CommType };
		const reason = text(this.getNodeParameter('reason', itemIndex, ''));
		if (reason !== undefined) consent.reason = reason;
		if (text(contactId) !== undefined) consent.contactId = text(contactId);
		if (text(campaignId) !== undefined) consent.campaignId = text(campaignId);
		return await recordConsent(this, consent, callOptions(this, itemIndex));
	});
}
