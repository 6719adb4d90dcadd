import type { IDataObject } from 'n8n-workflow';

import type { CompanyInput, PersonInput } from '../enrichment';

function nested(json: IDataObject, key: string): IDataObject {
	const value = json[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function first(...values: unknown[]): unknown {
	return values.find((value) => value !== undefined && value !== null && value !== '');
}

/**
 * Reads a person from an item as it usually arrives: this package's normalized shape
 * (`person`, `company`), or the flat fields CRMs, spreadsheets and other nodes use.
 */
export function personFromItem(json: IDataObject): PersonInput {
	const person = nested(json, 'person');
	const company = nested(json, 'company');
	return {
		email: first(person.email, json.email, json.emailAddress, json.work_email),
		firstName: first(person.firstName, json.firstName, json.first_name, json.firstname),
		lastName: first(person.lastName, json.lastName, json.last_name, json.lastname, json.surname),
		fullName: first(person.fullName, json.fullName, json.full_name, typeof json.name === 'string' ? json.name : undefined),
		domain: first(person.companyDomain, company.domain, json.companyDomain, json.company_domain, json.domain, company.website, json.website),
		companyName: first(person.companyName, company.name, json.companyName, json.company_name, json.organization_name, typeof json.company === 'string' ? json.company : undefined),
		linkedinUrl: first(person.linkedinUrl, json.linkedinUrl, json.linkedin_url, json.linkedin),
		ids: first(person.ids, json.ids),
	};
}

export function companyFromItem(json: IDataObject): CompanyInput {
	const company = nested(json, 'company');
	const person = nested(json, 'person');
	return {
		domain: first(company.domain, json.companyDomain, json.company_domain, json.domain, company.website, json.website, person.companyDomain),
		name: first(company.name, json.companyName, json.company_name, typeof json.company === 'string' ? json.company : undefined, json.name, person.companyName),
		ids: first(company.ids),
	};
}
