import { compact, normalizeDomain, normalizeEmail, num, text } from '../../normalize';
import type { Company, EmailStatus, Person, Phone, ProviderRecord } from '../../normalize';
import type { ApolloOrganization, ApolloPerson, ApolloPhone } from './types';

/** `undefined` means Apollo has no email for the person ("unavailable"). */
const EMAIL_STATUS: Record<string, EmailStatus | undefined> = {
	verified: 'verified',
	guessed: 'guessed',
	extrapolated: 'guessed',
	unavailable: undefined,
	'catch-all': 'catchAll',
	catch_all: 'catchAll',
	accept_all: 'catchAll',
	bounced: 'invalid',
	invalid: 'invalid',
};

export function apolloEmailStatus(status: unknown): EmailStatus | undefined {
	const key = text(status)?.toLowerCase();
	if (key === undefined) return 'unknown';
	return key in EMAIL_STATUS ? EMAIL_STATUS[key] : 'unknown';
}

/** Apollo fills `email` with `email_not_unlocked@<domain>` for people whose email the plan has not revealed. */
function revealedEmail(value: unknown): string | undefined {
	const email = normalizeEmail(value);
	return email?.startsWith('email_not_unlocked@') ? undefined : email;
}

function emailFields(person: ApolloPerson): Pick<Person, 'email' | 'emailStatus'> {
	const email = revealedEmail(person.email);
	const emailStatus = apolloEmailStatus(person.email_status);
	return email === undefined || emailStatus === undefined ? {} : { email, emailStatus };
}

const PHONE_TYPES: Record<string, Phone['type']> = {
	mobile: 'mobile',
	work_direct: 'direct',
	direct: 'direct',
	work_hq: 'work',
	work: 'work',
};

function mapPhone(phone: ApolloPhone): Phone | undefined {
	const number = text(phone.sanitized_number) ?? text(phone.raw_number);
	if (number === undefined) return undefined;
	const type = text(phone.type ?? phone.type_cd)?.toLowerCase();
	return compact({ number, type: type === undefined ? undefined : (PHONE_TYPES[type] ?? 'other') });
}

/** Apollo's departments carry a `master_` prefix on top-level ones (`master_sales`); the rest is its own vocabulary. */
function department(departments: unknown): string | undefined {
	const first = Array.isArray(departments) ? text(departments[0]) : undefined;
	return first?.replace(/^master_/, '');
}

export function mapApolloCompany(org: ApolloOrganization): Company {
	return compact<Company>({
		name: text(org.name),
		domain: normalizeDomain(org.primary_domain ?? org.website_url),
		website: text(org.website_url),
		industry: text(org.industry),
		employeeCount: num(org.estimated_num_employees),
		revenue: num(org.annual_revenue),
		phone: text(org.phone) ?? text(org.primary_phone?.sanitized_number) ?? text(org.primary_phone?.number),
		address: {
			street: text(org.street_address),
			city: text(org.city),
			state: text(org.state),
			country: text(org.country),
			postalCode: text(org.postal_code),
		},
		linkedinUrl: text(org.linkedin_url),
		ids: { apollo: text(org.organization_id) ?? text(org.id) },
	});
}

export function companyRecord(org: ApolloOrganization): ProviderRecord {
	return { company: mapApolloCompany(org), raw: org };
}

/**
 * One mapper for search teasers and enriched people: teasers simply lack the fields (search
 * results carry no email and only `last_name_obfuscated`, which is deliberately not mapped).
 */
export function personRecord(person: ApolloPerson): ProviderRecord {
	const company = person.organization ? mapApolloCompany(person.organization) : undefined;
	const firstName = text(person.first_name);
	const lastName = text(person.last_name);
	const phones = Array.isArray(person.phone_numbers)
		? person.phone_numbers.map(mapPhone).filter((phone): phone is Phone => phone !== undefined)
		: [];
	const mapped = compact<Person>({
		firstName,
		lastName,
		fullName: text(person.name) ?? (firstName && lastName ? `${firstName} ${lastName}` : undefined),
		...emailFields(person),
		title: text(person.title),
		seniority: text(person.seniority),
		department: department(person.departments),
		phones,
		linkedinUrl: text(person.linkedin_url),
		location: { city: text(person.city), state: text(person.state), country: text(person.country) },
		companyName: company?.name ?? text(person.organization_name),
		companyDomain: company?.domain,
		ids: { apollo: text(person.person_id) ?? text(person.id) },
	});
	return company !== undefined && Object.keys(company).length > 0
		? { person: mapped, company, raw: person }
		: { person: mapped, raw: person };
}
