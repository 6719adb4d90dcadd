import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isValidEmail, normalizeEmail } from '../../../../lib/normalize';
import { problemError } from '../../../../lib/node-kit';
import { contactFromItem, tagList } from '../../../../lib/providers/goHighLevel';
import { CONTACT_FIELDS, EMAIL_FIELD, PHONE_FIELD, setFields } from '../fields';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

export function contactInputFields(show: Show): INodeProperties[] {
	const define = { show: { ...show, inputMode: ['define'] } };
	return [
		{
			displayName: 'Input',
			name: 'inputMode',
			type: 'options',
			displayOptions: { show },
			options: [
				{
					name: 'Auto-Map From Item',
					value: 'auto',
					description: 'Read the contact from each item: the B2B nodes\' "person" and "company", or flat fields such as email, first_name, last_name, phone, company_name, website',
				},
				{ name: 'Define Below', value: 'define', description: 'Map each field with an expression' },
			],
			default: 'auto',
		},
		{ ...EMAIL_FIELD, displayOptions: define, description: 'Matched first: an existing contact with this email is updated' },
		{ ...PHONE_FIELD, displayOptions: define, description: 'Matched when no contact has the email' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			displayOptions: { show },
			default: {},
			description: 'Set on every contact; with Auto-Map these win over what the item says',
			options: CONTACT_FIELDS,
		},
	];
}

/** Fields from a form collection in HighLevel's shapes: tags as a list, empty values left out. */
export function contactFields(fields: IDataObject): IDataObject {
	const set = setFields(fields);
	if (set.tags !== undefined) set.tags = tagList(set.tags);
	return set;
}

/** The contact an item asks to upsert; it needs an email or a phone to be matched by. */
export function contactInput(ctx: IExecuteFunctions, json: IDataObject, itemIndex: number): IDataObject {
	const base = ctx.getNodeParameter('inputMode', itemIndex) === 'auto' ? contactFromItem(json) : contactFields({ email: ctx.getNodeParameter('email', itemIndex, ''), phone: ctx.getNodeParameter('phone', itemIndex, '') });
	const contact = { ...base, ...contactFields(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) };
	if (contact.email !== undefined) {
		const email = normalizeEmail(contact.email);
		if (email === undefined || !isValidEmail(email)) throw problemError(ctx, itemIndex, { field: 'email', message: `email "${String(contact.email).slice(0, 100)}" is not a valid email address` });
		contact.email = email;
	}
	if (contact.email === undefined && contact.phone === undefined) {
		throw problemError(ctx, itemIndex, { field: 'email', message: 'a contact needs an email or a phone: HighLevel matches contacts by them' });
	}
	return contact;
}
