import type { Company, Person, Phone } from '../../../normalize';
import { compact, emailDomain, normalizeDomain, normalizeEmail, normalizeName, pickPhone, text } from '../../../normalize';
import type { HaloRecord } from '../entities';

/** Free-mail domains say nothing about the employer: never matched to or created as a client. */
const FREE_MAIL = new Set([
	'gmail.com',
	'googlemail.com',
	'yahoo.com',
	'yahoo.co.uk',
	'hotmail.com',
	'outlook.com',
	'live.com',
	'msn.com',
	'aol.com',
	'icloud.com',
	'me.com',
	'mac.com',
	'proton.me',
	'protonmail.com',
	'gmx.com',
	'gmx.de',
	'web.de',
	'mail.com',
	'yandex.com',
	'zoho.com',
]);

/** The employer's domain: the company's, else the work email's. */
export function companyDomainOf(person: Person | undefined, company: Company | undefined): string | undefined {
	const domain =
		company?.domain ?? normalizeDomain(company?.website) ?? person?.companyDomain ?? emailDomain(normalizeEmail(person?.email));
	return domain !== undefined && !FREE_MAIL.has(domain) ? domain : undefined;
}

export function companyNameOf(person: Person | undefined, company: Company | undefined): string | undefined {
	return company?.name ?? person?.companyName;
}

/** The keys a HaloPSA client is found by: its website's domain and its normalized name. */
export function clientKeys(client: HaloRecord): { domain?: string; name?: string } {
	return { domain: normalizeDomain(client.website), name: normalizeName(client.name) };
}

export function clientFields(person: Person | undefined, company: Company | undefined): HaloRecord {
	const domain = companyDomainOf(person, company);
	const name = companyNameOf(person, company) ?? domain;
	return compactRecord({ name, website: company?.website ?? (domain ? `https://${domain}` : undefined) });
}

export function userFields(person: Person): HaloRecord {
	// HaloPSA refuses a contact without a name; a lead known only by email is named by it.
	const name = person.fullName ?? ([person.firstName, person.lastName].filter(Boolean).join(' ') || normalizeEmail(person.email));
	return compactRecord({
		name,
		firstname: person.firstName,
		surname: person.lastName,
		emailaddress: normalizeEmail(person.email),
		phonenumber: pickPhone(person.phones, ['work', 'direct', undefined, 'other']),
		mobilenumber: pickPhone(person.phones, ['mobile']),
		jobtitle: person.title,
	});
}

/**
 * A HaloPSA contact as the package's Person, the way userFields writes one back: the nodes that
 * read people (Enrichment, Sync, HighLevel, Thrio) take it as it comes. HaloPSA's `Users` model
 * names the job title `title`; the package writes `jobtitle` (docs/provider-contracts.md), so both
 * are read.
 */
export function personFromUser(user: HaloRecord): Person {
	const phones = (
		[
			['work', user.phonenumber],
			['mobile', user.mobilenumber],
		] as const
	).flatMap(([type, value]): Phone[] => {
		const number = text(value);
		return number === undefined ? [] : [{ number, type }];
	});
	return compact<Person>({
		firstName: text(user.firstname),
		lastName: text(user.surname),
		fullName: text(user.name),
		email: normalizeEmail(user.emailaddress),
		title: text(user.jobtitle) ?? text(user.title),
		phones,
		companyName: text(user.client_name),
	});
}

/** A HaloPSA client as the package's Company: what clientFields writes, read back. */
export function companyFromClient(client: HaloRecord): Company {
	return compact<Company>({
		name: text(client.name),
		domain: normalizeDomain(client.website),
		website: text(client.website),
		phone: text(client.main_phonenumber),
	});
}

export const UPDATABLE_CLIENT_FIELDS = ['name', 'website'];
export const UPDATABLE_USER_FIELDS = ['name', 'firstname', 'surname', 'phonenumber', 'mobilenumber', 'jobtitle'];

function compactRecord(record: HaloRecord): HaloRecord {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as HaloRecord;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/**
 * The update a matched record needs under the field policy, or undefined when it needs none:
 * `fillEmpty` only writes fields HaloPSA has empty; `overwrite` writes any that differ.
 */
export function changesFor(
	existing: HaloRecord,
	wanted: HaloRecord,
	allowed: string[],
	policy: 'fillEmpty' | 'overwrite',
): HaloRecord | undefined {
	const changes: HaloRecord = {};
	for (const field of allowed) {
		const value = wanted[field];
		if (isEmpty(value)) continue;
		if (policy === 'fillEmpty' ? isEmpty(existing[field]) : existing[field] !== value) changes[field] = value;
	}
	return Object.keys(changes).length > 0 ? { id: existing.id, ...changes } : undefined;
}
