import type { Company, Person } from '../normalize';
import { emailDomain, isValidDomain, isValidEmail, normalizeDomain, normalizeEmail, normalizeName, text } from '../normalize';
import type { CompanyInput, InputProblem, PersonInput } from '../normalize';
import type { CompanyLookup, PersonLookup } from '../sources/contracts';

export type Parsed<T> = { lookup: T; problem?: undefined } | { lookup?: undefined; problem: InputProblem };

function idsOf(value: unknown): Person['ids'] | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const ids = Object.fromEntries(
		Object.entries(value)
			.filter(([, id]) => text(id) !== undefined)
			.map(([provider, id]) => [provider, text(id)]),
	);
	return Object.keys(ids).length > 0 ? ids : undefined;
}

function domainField(value: unknown, field: string): { domain?: string; problem?: InputProblem } {
	if (value !== undefined && value !== null && typeof value !== 'string')
		return { problem: { field, message: `${field} must be text, not ${Array.isArray(value) ? 'a list' : typeof value}` } };
	const domain = normalizeDomain(value);
	if (domain !== undefined && !isValidDomain(domain))
		return { problem: { field, message: `${field} "${String(value).slice(0, 100)}" is not a valid domain` } };
	return { domain };
}

/**
 * Validates and normalizes one item's person. A lookup needs an email, a LinkedIn URL, a
 * provider id, or a name with a company (domain or name): anything less cannot identify a person
 * and would spend credits on guesses.
 */
export function parsePerson(input: PersonInput): Parsed<PersonLookup> {
	for (const field of ['email', 'firstName', 'lastName', 'fullName', 'companyName', 'linkedinUrl'] as const) {
		const value = input[field];
		if (value !== undefined && value !== null && typeof value !== 'string') {
			return { problem: { field, message: `${field} must be text, not ${Array.isArray(value) ? 'a list' : typeof value}` } };
		}
	}
	const email = normalizeEmail(input.email);
	if (email !== undefined && !isValidEmail(email))
		return { problem: { field: 'email', message: `email "${String(input.email).slice(0, 100)}" is not a valid email address` } };
	const { domain, problem } = domainField(input.domain, 'domain');
	if (problem) return { problem };

	const firstName = text(input.firstName);
	const lastName = text(input.lastName);
	const fullName = text(input.fullName) ?? (firstName && lastName ? `${firstName} ${lastName}` : undefined);
	const lookup: PersonLookup = {
		email,
		firstName,
		lastName,
		fullName,
		domain: domain ?? emailDomain(email),
		companyName: text(input.companyName),
		linkedinUrl: text(input.linkedinUrl),
		ids: idsOf(input.ids),
	};
	const named = (firstName !== undefined && lastName !== undefined) || fullName !== undefined;
	if (!email && !lookup.linkedinUrl && !lookup.ids && !(named && (lookup.domain || lookup.companyName))) {
		return {
			problem: {
				field: named ? 'domain' : 'email',
				message: named
					? 'a name alone cannot identify a person: add the company domain or company name'
					: 'nothing to look the person up by: give an email, a LinkedIn URL, or a first and last name with a company domain',
			},
		};
	}
	return { lookup };
}

export function parseCompany(input: CompanyInput): Parsed<CompanyLookup> {
	if (input.name !== undefined && input.name !== null && typeof input.name !== 'string')
		return { problem: { field: 'name', message: 'name must be text' } };
	const { domain, problem } = domainField(input.domain, 'domain');
	if (problem) return { problem };
	const lookup: CompanyLookup = { domain, name: text(input.name), ids: idsOf(input.ids) };
	if (!lookup.domain && !lookup.name && !lookup.ids)
		return { problem: { field: 'domain', message: 'nothing to look the company up by: give a domain or a company name' } };
	return { lookup };
}

/**
 * Every identity a lookup carries, strongest first: its email, LinkedIn URL, provider ids, then its
 * name with the company (domain, else company name). Case, spacing and URL form do not matter.
 */
export function personKeys(lookup: PersonLookup): string[] {
	const keys: string[] = [];
	if (lookup.email) keys.push(`email:${lookup.email}`);
	if (lookup.linkedinUrl)
		keys.push(
			`linkedin:${lookup.linkedinUrl
				.toLowerCase()
				.replace(/^https?:\/\/(www\.)?/, '')
				.replace(/\/+$/, '')}`,
		);
	for (const [provider, id] of Object.entries(lookup.ids ?? {}).sort()) keys.push(`id:${provider}:${id}`);
	const name = normalizeName(lookup.fullName ?? `${lookup.firstName ?? ''} ${lookup.lastName ?? ''}`);
	if (name || keys.length === 0) keys.push(`name:${name}|${lookup.domain ?? `company:${normalizeName(lookup.companyName)}`}`);
	return keys;
}

/**
 * Identical inputs get identical keys, so they share one lookup. The strongest identifier wins: an
 * email names one person; a name only with a company.
 */
export const personKey = (lookup: PersonLookup): string => personKeys(lookup)[0];

export function companyKey(lookup: CompanyLookup): string {
	if (lookup.domain) return `domain:${lookup.domain}`;
	const id = lookup.ids ? Object.entries(lookup.ids).sort()[0] : undefined;
	if (id) return `id:${id[0]}:${id[1]}`;
	return `name:${normalizeName(lookup.name)}`;
}

/** What a later provider may use: the input plus what earlier providers found (a name, a domain). */
export function personLookupAfter(lookup: PersonLookup, person: Person, company: Company): PersonLookup {
	return {
		...lookup,
		email: lookup.email ?? (person.emailStatus === 'verified' || person.emailStatus === 'guessed' ? person.email : undefined),
		firstName: lookup.firstName ?? person.firstName,
		lastName: lookup.lastName ?? person.lastName,
		fullName: lookup.fullName ?? person.fullName,
		domain: lookup.domain ?? person.companyDomain ?? company.domain,
		companyName: lookup.companyName ?? person.companyName ?? company.name,
		linkedinUrl: lookup.linkedinUrl ?? person.linkedinUrl,
		ids: { ...person.ids, ...lookup.ids },
	};
}
