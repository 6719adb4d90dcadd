/** Hunter's view of the fixtures: domain-search emails, email-finder and verifier verdicts. */
import { type Dataset, type FixtureCompany, type FixturePerson, type Seniority, type Department } from './fixtures';

const HUNTER_SENIORITY: Record<Seniority, 'junior' | 'senior' | 'executive'> = {
	owner: 'executive',
	founder: 'executive',
	c_suite: 'executive',
	vp: 'executive',
	director: 'senior',
	manager: 'senior',
	senior: 'senior',
	entry: 'junior',
};

const HUNTER_DEPARTMENT: Record<Department, string> = {
	executive: 'executive',
	sales: 'sales',
	marketing: 'marketing',
	engineering: 'it',
	finance: 'finance',
	human_resources: 'hr',
	operations: 'operations',
	it: 'it',
	support: 'support',
	legal: 'legal',
};

export const WEBMAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com'];
export const DISPOSABLE_DOMAINS = ['mailinator.com', 'guerrillamail.com', '10minutemail.com', 'yopmail.com', 'trashmail.com'];
const GENERIC_MAILBOXES = ['info', 'contact', 'sales'];

export type VerifierStatus = 'valid' | 'invalid' | 'accept_all' | 'webmail' | 'disposable' | 'unknown';

export interface HunterEmail {
	value: string;
	type: 'personal' | 'generic';
	confidence: number;
	first_name: string | null;
	last_name: string | null;
	position: string | null;
	seniority: string | null;
	department: string | null;
	linkedin: string | null;
	phone_number: string | null;
	verification: { date: string | null; status: VerifierStatus | null };
}

export const knownToHunter = (person: FixturePerson): person is FixturePerson & { email: string } =>
	person.knownBy.hunter && person.email !== null;

export function personalEmail(person: FixturePerson & { email: string }, company: FixtureCompany): HunterEmail {
	return {
		value: person.email,
		type: 'personal',
		confidence: person.emailConfidence,
		first_name: person.firstName,
		last_name: person.lastName,
		position: person.title,
		seniority: HUNTER_SENIORITY[person.seniority],
		department: HUNTER_DEPARTMENT[person.department],
		linkedin: person.linkedinUrl,
		phone_number: person.phone,
		verification: { date: '2024-06-01', status: company.catchAll ? 'accept_all' : 'valid' },
	};
}

export function domainEmails(dataset: Dataset, company: FixtureCompany): HunterEmail[] {
	const personal = dataset
		.peopleAt(company.id)
		.filter(knownToHunter)
		.map((person) => personalEmail(person, company));
	const generic: HunterEmail[] = GENERIC_MAILBOXES.slice(0, 1 + (company.id % GENERIC_MAILBOXES.length)).map((box) => ({
		value: `${box}@${company.domain}`,
		type: 'generic',
		confidence: 90,
		first_name: null,
		last_name: null,
		position: null,
		seniority: null,
		department: null,
		linkedin: null,
		phone_number: null,
		verification: { date: null, status: null },
	}));
	return [...personal, ...generic];
}

export function emailMatchesFilters(email: HunterEmail, filters: { type?: string; seniority?: string[]; department?: string[] }): boolean {
	return (
		(!filters.type || email.type === filters.type) &&
		(!filters.seniority || (email.seniority !== null && filters.seniority.includes(email.seniority))) &&
		(!filters.department || (email.department !== null && filters.department.includes(email.department)))
	);
}

export const EMAIL_SYNTAX = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Verdict {
	status: VerifierStatus;
	score: number;
	smtp_check: boolean;
	accept_all: boolean;
	webmail: boolean;
	disposable: boolean;
}

/** Deterministic per address: fixture mailboxes are valid, unknown ones at fixture domains invalid. */
export function verify(dataset: Dataset, email: string, catchAllDomains: string[]): Verdict {
	const domain = email.split('@')[1].toLowerCase();
	const base = { webmail: false, disposable: false };
	if (WEBMAIL_DOMAINS.includes(domain))
		return { ...base, status: 'webmail', score: 70, smtp_check: true, accept_all: false, webmail: true };
	if (DISPOSABLE_DOMAINS.includes(domain))
		return { ...base, status: 'disposable', score: 10, smtp_check: true, accept_all: true, disposable: true };
	const company = dataset.companyByDomainName(domain);
	if (catchAllDomains.includes(domain) || company?.catchAll)
		return { ...base, status: 'accept_all', score: 60, smtp_check: true, accept_all: true };
	if (!company) return { ...base, status: 'unknown', score: 30, smtp_check: false, accept_all: false };
	const local = email.split('@')[0].toLowerCase();
	const known = dataset.personByEmailAddress(email) !== undefined || GENERIC_MAILBOXES.includes(local);
	return known
		? { ...base, status: 'valid', score: 96, smtp_check: true, accept_all: false }
		: { ...base, status: 'invalid', score: 5, smtp_check: false, accept_all: false };
}
