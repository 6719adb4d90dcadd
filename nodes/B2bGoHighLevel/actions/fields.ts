import type { INodeProperties } from 'n8n-workflow';

type Field = INodeProperties;
type Show = NonNullable<INodeProperties['displayOptions']>['show'];

const text = (displayName: string, name: string, description?: string, placeholder?: string): Field => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	placeholder,
});

/** HighLevel contact properties besides email and phone, alphabetized by display name. */
export const CONTACT_FIELDS: Field[] = [
	text('Address', 'address1', 'Street address'),
	text('City', 'city'),
	text('Company Name', 'companyName'),
	text('Country', 'country', 'Two-letter country code', 'US'),
	{
		displayName: 'Do Not Disturb',
		name: 'dnd',
		type: 'boolean',
		default: false,
		description: 'Whether HighLevel must not call, text or email the contact',
	},
	text('First Name', 'firstName'),
	text('Full Name', 'name', 'Empty: HighLevel joins first and last name'),
	text('Last Name', 'lastName'),
	text('Postal Code', 'postalCode'),
	text('Source', 'source', 'Where the contact came from, e.g. Apollo'),
	text('State', 'state'),
	text('Tags', 'tags', "Comma-separated. On upsert they replace the contact's tags; use Add Tags to add.", 'lead, apollo'),
	text('Timezone', 'timezone', undefined, 'America/Chicago'),
	text('Website', 'website'),
];

/**
 * What Update may change: HighLevel's `UpdateContactDto` has no company name (upsert's has; Create or
 * Update changes it). A Company Name saved on Update before is dropped by n8n, which keeps only a
 * collection's current options.
 */
export const CONTACT_UPDATE_FIELDS: Field[] = CONTACT_FIELDS.filter((field) => field.name !== 'companyName');

export const EMAIL_FIELD = text('Email', 'email', undefined, 'name@email.com');
export const PHONE_FIELD = text('Phone', 'phone', 'E.164 (+14155550100) or a national number', '+14155550100');

/** The contact an operation works on: picked from a search of the location's contacts, or given by ID. */
export function contactLocator(show: Show): Field {
	return {
		displayName: 'Contact',
		name: 'contactId',
		type: 'resourceLocator',
		required: true,
		displayOptions: { show },
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a contact...',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. sx6wyHhbFdRXh302LLNR' },
		],
	};
}

/**
 * The contact of the contact operations that existed in version 1, whose workflows hold a plain
 * Contact ID string: version 1 keeps that field, version 2 has the locator. Both read with `contactIdOf`.
 */
export function contactIdFields(show: Show): Field[] {
	return [
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			required: true,
			displayOptions: { show: { ...show, '@version': [1] } },
			default: '',
		},
		contactLocator({ ...show, '@version': [{ _cnd: { gte: 2 } }] }),
	];
}

/** Fields left at their empty defaults are not sent: HighLevel would store the empty value. */
export function setFields<T extends object>(fields: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== '' && value !== undefined && value !== null),
	) as Partial<T>;
}
