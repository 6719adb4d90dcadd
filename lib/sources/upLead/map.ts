import { compact, normalizeDomain, normalizeEmail, num, text } from '../../normalize';
import type { Company, EmailStatus, Person, Phone, ProviderRecord } from '../../normalize';
import type { UpLeadCompany, UpLeadPerson } from './types';

type Fields = Record<string, unknown>;

/** Whatever UpLead sent, read as an object. */
export function fields(value: unknown): Fields {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

/** Keys are the status lower-cased without spaces, dashes or underscores ("Accept-All" → "acceptall"). */
const EMAIL_STATUS: Record<string, EmailStatus> = {
	valid: 'verified',
	verified: 'verified',
	acceptall: 'catchAll',
	catchall: 'catchAll',
	invalid: 'invalid',
};

function upLeadEmailStatus(status: unknown): EmailStatus {
	return (
		EMAIL_STATUS[
			text(status)
				?.toLowerCase()
				.replace(/[\s_-]+/g, '') ?? ''
		] ?? 'unknown'
	);
}

function phone(value: unknown, type: Phone['type']): Phone[] {
	const number = text(value);
	return number === undefined ? [] : [{ number, type }];
}

/** A figure, or the range text UpLead gives instead ("51-200"), never both. */
function figureOrRange(value: unknown): { figure?: number; range?: string } {
	const figure = num(value);
	return figure !== undefined ? { figure } : { range: text(value) };
}

function companyOf(company: UpLeadCompany): Company {
	const employees = figureOrRange(company.employees);
	const revenue = figureOrRange(company.revenue);
	return compact<Company>({
		name: text(company.company_name),
		domain: normalizeDomain(company.domain ?? company.website),
		website: text(company.website),
		industry: text(company.industry),
		employeeCount: employees.figure,
		employeeRange: employees.range,
		revenue: revenue.figure,
		revenueRange: revenue.range,
		phone: text(company.phone_number),
		address: {
			street: text(company.address),
			city: text(company.city),
			state: text(company.state),
			postalCode: text(company.zip),
			country: text(company.country),
		},
		linkedinUrl: text(company.linkedin_url),
		ids: { upLead: text(company.id) },
	});
}

/** The nested employer when UpLead sends it, else the flat name and domain some answers carry. */
function employerOf(person: UpLeadPerson): Company {
	const nested = fields(person.company);
	return Object.keys(nested).length > 0
		? companyOf(nested)
		: compact<Company>({ name: text(person.company_name), domain: normalizeDomain(person.domain) });
}

function personOf(person: UpLeadPerson, employer: Company = employerOf(person)): Person {
	const firstName = text(person.first_name);
	const lastName = text(person.last_name);
	const email = normalizeEmail(person.email);
	return compact<Person>({
		firstName,
		lastName,
		fullName: text([firstName, lastName].filter(Boolean).join(' ')),
		email,
		emailStatus: email === undefined ? undefined : upLeadEmailStatus(person.email_status),
		title: text(person.title),
		seniority: text(person.management_level),
		department: text(person.job_function),
		phones: [...phone(person.phone, 'direct'), ...phone(person.mobile_phone, 'mobile')],
		linkedinUrl: text(person.linkedin_url),
		location: { city: text(person.city), state: text(person.state), country: text(person.country) },
		companyName: employer.name,
		companyDomain: employer.domain,
		ids: { upLead: text(person.id) },
	});
}

export function personRecord(person: UpLeadPerson): ProviderRecord {
	const employer = employerOf(person);
	const record: ProviderRecord = { person: personOf(person, employer), raw: person };
	if (Object.keys(employer).length > 0) record.company = employer;
	return record;
}

export function companyRecord(company: UpLeadCompany): ProviderRecord {
	return { company: companyOf(company), raw: company };
}
