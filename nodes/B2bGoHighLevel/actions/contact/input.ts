import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeEmail } from '../../../../lib/normalize';
import { additionalFieldsCollection, problemError } from '../../../../lib/node-kit';
import { checkRecord, firstProblem, itemProblem } from '../../../../lib/normalize';
import type { FieldRule } from '../../../../lib/normalize';
import { contactFromItem, tagList } from '../../../../lib/destinations/goHighLevel';
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
					description:
						'Read the contact from each item: the B2B nodes\' "person" and "company", or flat fields such as email, first_name, last_name, ' +
						'phone, company_name, website',
				},
				{ name: 'Define Below', value: 'define', description: 'Map each field with an expression' },
			],
			default: 'auto',
		},
		{ ...EMAIL_FIELD, displayOptions: define, description: 'Matched first: an existing contact with this email is updated' },
		{ ...PHONE_FIELD, displayOptions: define, description: 'Matched when no contact has the email' },
		additionalFieldsCollection(show, CONTACT_FIELDS, 'Set on every contact; with Auto-Map these win over what the item says'),
	];
}

/** How a contact's fields are checked before HighLevel sees them (it would store a name that is an object as "[object Object]"). */
const CONTACT_RULES: Record<string, FieldRule> = {
	email: 'email',
	phone: 'phone',
	firstName: 'line',
	lastName: 'line',
	name: 'line',
	companyName: 'line',
	website: 'website',
	address1: 'line',
	city: 'line',
	state: 'line',
	postalCode: 'line',
	country: 'line',
	source: 'line',
	timezone: 'line',
	dnd: 'flag',
};

/**
 * Fields in HighLevel's shapes, checked: tags as a list, empty values left out, a flag given as
 * text made a boolean, an email lower-cased. A field that cannot be sent fails the item, named.
 */
export function contactFields(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const checked = checkRecord(setFields(fields), CONTACT_RULES);
	if (checked.problem) throw problemError(ctx, itemIndex, checked.problem);
	const set = checked.record;
	if (set.tags !== undefined) set.tags = tagList(set.tags);
	const email = normalizeEmail(set.email);
	if (email === undefined) delete set.email;
	else set.email = email;
	return set;
}

/** An item's own address fields: mapping reads only text, so any other value would be dropped unseen. */
const ADDRESS_FIELDS = ['address1', 'city', 'state', 'postalCode', 'postal_code', 'country'];

/** The contact an item asks to upsert; it needs an email or a phone to be matched by. */
export function contactInput(ctx: IExecuteFunctions, json: IDataObject, itemIndex: number): IDataObject {
	const auto = ctx.getNodeParameter('inputMode', itemIndex) === 'auto';
	// Mapping drops a value of the wrong type, so the item's own fields are checked first.
	const problem = auto
		? (itemProblem(json, { person: ['email', 'firstName', 'lastName', 'fullName', 'companyName', 'domain', 'phone', 'phones'] }) ??
			firstProblem(ADDRESS_FIELDS.map((field) => [field, json[field], 'line'])))
		: undefined;
	if (problem) throw problemError(ctx, itemIndex, problem);
	const base = auto
		? contactFromItem(json)
		: { email: ctx.getNodeParameter('email', itemIndex, ''), phone: ctx.getNodeParameter('phone', itemIndex, '') };
	// An additional field left empty does not erase what the item gave.
	const contact = contactFields(
		ctx,
		{ ...base, ...setFields(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) },
		itemIndex,
	);
	if (contact.email === undefined && contact.phone === undefined) {
		throw problemError(ctx, itemIndex, {
			field: 'email',
			message: 'a contact needs an email or a phone: HighLevel matches contacts by them',
		});
	}
	return contact;
}
