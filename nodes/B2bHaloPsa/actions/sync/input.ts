import type { IDataObject } from 'n8n-workflow';

import type { InputProblem } from '../../../../lib/normalize';
import type { Company, Person } from '../../../../lib/normalize';
import { compact, normalizeDomain, normalizeEmail, text } from '../../../../lib/normalize';
import { companyFromItem, itemProblem, personFields, personFromItem } from '../../../../lib/normalize';

function objectAt(json: IDataObject, key: string): IDataObject | undefined {
	const value = json[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/**
 * The person and company an item describes: the normalized shapes the enrichment nodes output
 * (kept whole: phones, title, ids), or flat fields read the same way the enrichment node reads them.
 */
export function syncSubjects(json: IDataObject): { person?: Person; company?: Company; problem?: InputProblem } {
	const problem = itemProblem(json, {
		person: ['email', 'firstName', 'lastName', 'fullName', 'title', 'phone', 'phones'],
		company: ['domain', 'name'],
	});
	if (problem) return { problem };
	const flatPerson = personFromItem(json);
	const flatCompany = companyFromItem(json);
	const { title, phone } = personFields(json);
	const given = objectAt(json, 'person');
	const person = compact<Person>({
		...(given as Person | undefined),
		email: normalizeEmail(flatPerson.email),
		firstName: text(flatPerson.firstName),
		lastName: text(flatPerson.lastName),
		fullName: text(flatPerson.fullName),
		title: text(title?.value),
		phones:
			(given?.phones as Person['phones']) ?? (text(phone?.value) ? [{ number: text(phone?.value) as string, type: 'work' }] : undefined),
	});
	const company = compact<Company>({
		...(objectAt(json, 'company') as Company | undefined),
		name: text(flatCompany.name),
		domain: normalizeDomain(flatCompany.domain),
	});

	const hasPerson = Object.keys(person).length > 0;
	const hasCompany = company.name !== undefined || company.domain !== undefined;
	if (!hasCompany && person.email === undefined) {
		return {
			problem: {
				field: hasPerson ? 'email' : 'company',
				message: hasPerson
					? 'a contact needs an email (contacts are matched by it) or a company'
					: 'nothing to sync: give a person (with an email) or a company (name or domain)',
			},
		};
	}
	return { person: hasPerson ? person : undefined, company: hasCompany ? company : undefined };
}
