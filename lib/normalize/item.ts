import type { IDataObject } from 'n8n-workflow';

import type { InputProblem } from './input-problem';
import { firstProblem } from './checks';
import type { FieldRule } from './checks';

/** What an item may carry about a person: the normalized Person shape, or fields the user mapped. */
export interface PersonInput {
	email?: unknown;
	firstName?: unknown;
	lastName?: unknown;
	fullName?: unknown;
	domain?: unknown;
	companyName?: unknown;
	linkedinUrl?: unknown;
	ids?: unknown;
}

export interface CompanyInput {
	domain?: unknown;
	name?: unknown;
	ids?: unknown;
}

function nested(json: IDataObject, key: string): IDataObject {
	const value = json[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** A value read from an item, with the item's own name for it, so a problem names what the user sees. */
export interface Found {
	path: string;
	value: unknown;
}

function first(...candidates: Candidate[]): Found | undefined {
	const found = candidates.find(([, value]) => value !== undefined && value !== null && value !== '');
	return found && { path: found[0], value: found[1] };
}

type Fields<T> = Record<keyof T, Found | undefined>;
type Candidate = [path: string, value: unknown];

/** Where an item keeps its company's domain or website, the company's own fields first. */
function domainCandidates(json: IDataObject, company: IDataObject): Candidate[] {
	return [
		['company.domain', company.domain],
		['companyDomain', json.companyDomain],
		['company_domain', json.company_domain],
		['domain', json.domain],
		['company.website', company.website],
		['website', json.website],
	];
}

function companyNameCandidates(json: IDataObject, company: IDataObject): Candidate[] {
	return [
		['company.name', company.name],
		['companyName', json.companyName],
		['company_name', json.company_name],
	];
}

/** A flat `company` is the company's name; an object is the normalized shape. */
const companyText = (json: IDataObject): Candidate => ['company', typeof json.company === 'string' ? json.company : undefined];

/**
 * Where an item keeps each person field: this package's normalized shape (`person`, `company`),
 * or the flat fields CRMs, spreadsheets and other nodes use.
 */
export function personFields(json: IDataObject): Fields<PersonInput> & { title?: Found; phone?: Found } {
	const person = nested(json, 'person');
	const company = nested(json, 'company');
	return {
		email: first(
			['person.email', person.email],
			['email', json.email],
			['emailAddress', json.emailAddress],
			['work_email', json.work_email],
		),
		firstName: first(
			['person.firstName', person.firstName],
			['firstName', json.firstName],
			['first_name', json.first_name],
			['firstname', json.firstname],
		),
		lastName: first(
			['person.lastName', person.lastName],
			['lastName', json.lastName],
			['last_name', json.last_name],
			['lastname', json.lastname],
			['surname', json.surname],
		),
		fullName: first(
			['person.fullName', person.fullName],
			['fullName', json.fullName],
			['full_name', json.full_name],
			['name', typeof json.name === 'string' ? json.name : undefined],
		),
		domain: first(['person.companyDomain', person.companyDomain], ...domainCandidates(json, company)),
		companyName: first(
			['person.companyName', person.companyName],
			...companyNameCandidates(json, company),
			['organization_name', json.organization_name],
			companyText(json),
		),
		linkedinUrl: first(
			['person.linkedinUrl', person.linkedinUrl],
			['linkedinUrl', json.linkedinUrl],
			['linkedin_url', json.linkedin_url],
			['linkedin', json.linkedin],
		),
		ids: first(['person.ids', person.ids], ['ids', json.ids]),
		title: first(['person.title', person.title], ['title', json.title], ['jobtitle', json.jobtitle], ['job_title', json.job_title]),
		phone: first(['phone', json.phone], ['phone_number', json.phone_number], ['mobile', json.mobile]),
	};
}

export function companyFields(json: IDataObject): Fields<CompanyInput> {
	const company = nested(json, 'company');
	const person = nested(json, 'person');
	return {
		domain: first(...domainCandidates(json, company), ['person.companyDomain', person.companyDomain]),
		name: first(
			...companyNameCandidates(json, company),
			companyText(json),
			['name', json.name],
			['person.companyName', person.companyName],
		),
		ids: first(['company.ids', company.ids]),
	};
}

function valuesOf<T>(fields: Fields<T>): T {
	return Object.fromEntries(Object.entries(fields).map(([key, found]) => [key, (found as Found | undefined)?.value])) as T;
}

/** Reads a person from an item as it usually arrives (see personFields). */
export function personFromItem(json: IDataObject): PersonInput {
	const { title: _title, phone: _phone, ...fields } = personFields(json);
	return valuesOf<PersonInput>(fields);
}

export function companyFromItem(json: IDataObject): CompanyInput {
	return valuesOf<CompanyInput>(companyFields(json));
}

type PersonField = keyof ReturnType<typeof personFields>;

/** How each field an item describes a person or a company with is checked: the same in every node. */
const PERSON_RULES: Record<Exclude<PersonField, 'ids'>, FieldRule> = {
	email: 'email',
	firstName: 'line',
	lastName: 'line',
	fullName: 'line',
	domain: 'website',
	companyName: 'line',
	linkedinUrl: 'line',
	title: 'line',
	phone: 'phone',
};
const COMPANY_RULES: Record<Exclude<keyof CompanyInput, 'ids'>, FieldRule> = { domain: 'website', name: 'line' };

/**
 * The first of the fields a node reads from an item (`phones`: each of `person.phones`) that
 * cannot be sent as it is, named as the item names it (`first_name must be text, not an object`):
 * mapping would drop a value of the wrong type without a word, and pass a broken one on. Fields
 * the node does not read are not its concern.
 */
export function itemProblem(
	json: IDataObject,
	reads: { person?: Array<Exclude<PersonField, 'ids'> | 'phones'>; company?: Array<Exclude<keyof CompanyInput, 'ids'>> },
): InputProblem | undefined {
	const checks: Array<[string, unknown, FieldRule]> = [];
	const person = personFields(json);
	for (const key of reads.person ?? []) {
		if (key === 'phones') {
			const phones = nested(json, 'person').phones;
			checks.push(['person.phones', phones, 'list']);
			if (Array.isArray(phones))
				phones.forEach((phone, index) => checks.push([`person.phones[${index}].number`, (phone as IDataObject | null)?.number, 'phone']));
		} else if (person[key]) checks.push([person[key].path, person[key].value, PERSON_RULES[key]]);
	}
	const company = companyFields(json);
	for (const key of reads.company ?? []) if (company[key]) checks.push([company[key].path, company[key].value, COMPANY_RULES[key]]);
	return firstProblem(checks);
}
