import { jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { InputProblem } from '../../../lib/normalize';
import { normalizeEmail } from '../../../lib/normalize';
import { additionalFieldsCollection, problemError } from '../../../lib/node-kit';
import { checkRecord, itemProblem } from '../../../lib/normalize';
import type { FieldRule } from '../../../lib/normalize';
import { personRecordFromItem } from '../../../lib/destinations/thrio';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

const OTHER_FIELDS: INodeProperties = {
	displayName: 'Other Fields (JSON)',
	name: 'otherFields',
	type: 'json',
	default: '{}',
	description: 'Any other Thrio fields, as a JSON object merged into the record',
};

/** Person fields a lead or contact may carry besides the phone; leads also take an external ID. */
export function personFields(withExternalId: boolean): INodeProperties[] {
	const fields = [
		text('Company', 'company'),
		text('Email', 'email'),
		text('First Name', 'firstName'),
		text('Last Name', 'lastName'),
		OTHER_FIELDS,
	];
	if (withExternalId)
		fields.push(text('External ID', 'externalId', 'Your own ID for the lead; Thrio matches leads by it before the phone'));
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function personInputFields(show: Show, withExternalId: boolean): INodeProperties[] {
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
						'Read the person from each item: the B2B nodes\' "person" (phone from its phones), or flat fields such as phone, first_name, ' +
						'last_name, email, company_name',
				},
				{ name: 'Define Below', value: 'define', description: 'Map each field with an expression' },
			],
			default: 'auto',
		},
		{ ...text('Phone', 'phone', 'The number agents dial'), displayOptions: { show: { ...show, inputMode: ['define'] } } },
		additionalFieldsCollection(show, personFields(withExternalId), 'Set on every record; with Auto-Map these win over what the item says'),
	];
}

/** Form fields in Thrio's shape: empty ones left out, the JSON field merged in. */
export function thrioFields(fields: IDataObject, itemIndex: number): IDataObject {
	const { otherFields, ...named } = fields;
	const other =
		typeof otherFields === 'string'
			? jsonParse<IDataObject>(otherFields || '{}', { errorMessage: `Item ${itemIndex}: Other Fields is not valid JSON` })
			: ((otherFields as IDataObject | undefined) ?? {});
	const set = Object.fromEntries(Object.entries(named).filter(([, value]) => value !== '' && value !== undefined && value !== null));
	return { ...other, ...set };
}

export type PersonRead = { record: IDataObject } | { problem: InputProblem };

/** How a lead's or contact's fields are checked before Thrio sees them; fields from Other Fields are Thrio's to judge. */
const PERSON_RULES: Record<string, FieldRule> = {
	phone: 'phone',
	firstName: 'line',
	lastName: 'line',
	email: 'email',
	company: 'line',
	externalId: 'line',
};

/** Fields for Thrio, checked: a phone given as a number becomes text, an email is lower-cased. */
export function checkedPersonFields(record: IDataObject): PersonRead {
	const checked = checkRecord(record, PERSON_RULES);
	if (checked.problem) return { problem: checked.problem };
	const email = normalizeEmail(checked.record.email);
	if (email === undefined) delete checked.record.email;
	else checked.record.email = email;
	return { record: checked.record };
}

/** The person an item describes, as a Thrio record, or why it cannot be sent; `needsPhone` for leads, which are dialed. */
export function readPerson(ctx: IExecuteFunctions, json: IDataObject, itemIndex: number, needsPhone: boolean): PersonRead {
	const auto = ctx.getNodeParameter('inputMode', itemIndex) === 'auto';
	// Mapping drops a value of the wrong type, so the item's own fields are checked first.
	const problem = auto ? itemProblem(json, { person: ['email', 'firstName', 'lastName', 'companyName', 'phone', 'phones'] }) : undefined;
	if (problem) return { problem };
	let fields: IDataObject;
	try {
		const base = auto ? personRecordFromItem(json) : thrioFields({ phone: ctx.getNodeParameter('phone', itemIndex, '') }, itemIndex);
		fields = { ...base, ...thrioFields(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, itemIndex) };
	} catch (error) {
		return {
			problem: { field: 'otherFields', message: error instanceof Error ? error.message.replace(/^Item \d+: /, '') : String(error) },
		};
	}
	const read = checkedPersonFields(fields);
	if ('problem' in read) return read;
	if (needsPhone && read.record.phone === undefined)
		return { problem: { field: 'phone', message: 'a lead needs a phone: it is what agents dial' } };
	if (Object.keys(read.record).length === 0)
		return { problem: { field: 'person', message: 'no person in the item: give a phone, a name or an email' } };
	return read;
}

/** As readPerson, failing the item (named, with its field) when it cannot be sent. */
export function personInput(ctx: IExecuteFunctions, json: IDataObject, itemIndex: number, needsPhone: boolean): IDataObject {
	const read = readPerson(ctx, json, itemIndex, needsPhone);
	if ('problem' in read) throw problemError(ctx, itemIndex, read.problem);
	return read.record;
}
