import { compact, normalizeDomain, normalizeEmail, num, text } from '../../normalize';
import type { Company, EmailStatus, Person, ProviderRecord } from '../../normalize';
import type { HunterDomainData, HunterEmail } from './types';

const VERIFIER_STATUS: Record<string, EmailStatus> = {
	valid: 'verified',
	accept_all: 'catchAll',
	webmail: 'webmail',
	disposable: 'disposable',
	invalid: 'invalid',
	unknown: 'unknown',
	// The verifier's older `result` vocabulary.
	deliverable: 'verified',
	undeliverable: 'invalid',
	risky: 'unknown',
};

/** `unverified` is what an absent status means where it is read: `guessed` for found emails, `unknown` for the verifier. */
export function hunterEmailStatus(status: unknown, unverified: EmailStatus): EmailStatus {
	const key = text(status)?.toLowerCase();
	return key === undefined ? unverified : (VERIFIER_STATUS[key] ?? 'unknown');
}

export function hunterCompany(data: HunterDomainData): Company {
	return compact<Company>({
		name: text(data.organization),
		domain: normalizeDomain(data.domain),
		industry: text(data.industry),
		employeeRange: text(data.headcount),
		linkedinUrl: text(data.linkedin),
		address: {
			street: text(data.street),
			city: text(data.city),
			state: text(data.state),
			postalCode: text(data.postal_code),
			country: text(data.country),
		},
	});
}

/** A person from a domain-search email or an email-finder answer; `company` is where Hunter found them. */
export function hunterPersonRecord(source: HunterEmail, company: Company): ProviderRecord {
	const firstName = text(source.first_name);
	const lastName = text(source.last_name);
	const email = normalizeEmail(source.value ?? source.email);
	const phone = text(source.phone_number);
	const person = compact<Person>({
		firstName,
		lastName,
		fullName: firstName && lastName ? `${firstName} ${lastName}` : undefined,
		email,
		emailStatus: email === undefined ? undefined : hunterEmailStatus(source.verification?.status, 'guessed'),
		emailConfidence: num(source.confidence ?? source.score),
		title: text(source.position),
		seniority: text(source.seniority),
		department: text(source.department),
		phones: phone === undefined ? [] : [{ number: phone }],
		linkedinUrl: text(source.linkedin_url ?? source.linkedin),
		companyName: company.name,
		companyDomain: company.domain,
	});
	return Object.keys(company).length > 0 ? { person, company, raw: source } : { person, raw: source };
}
