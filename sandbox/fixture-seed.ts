/**
 * `POST /_sandbox/seed/{apollo|zoomInfo|hunter|upLead}`: adds people and companies to the shared
 * fixtures, filling whatever the test leaves out, so a test can plant "Jane Doe at acme.com".
 */
import { DEPARTMENTS, SENIORITIES, titleFor, type Department, type Seniority } from './fixture-words';
import { applyPattern, type Dataset, type EmailPattern, type FixtureCompany, type FixturePerson } from './fixtures';
import { HttpError, isRecord, optBool, optNumber, optString } from './http-util';

export interface SeedCompany extends Partial<FixtureCompany> {
	name: string;
	domain: string;
}

export interface SeedPerson extends Partial<Omit<FixturePerson, 'knownBy'>> {
	firstName: string;
	lastName: string;
	/** The company by domain (seeded or generated) when `companyId` is not given. */
	companyDomain?: string;
	/** Which providers know the email; all of them unless said otherwise. */
	knownBy?: Partial<FixturePerson['knownBy']>;
}

function bad(message: string): HttpError {
	return new HttpError(400, { error: message });
}

function toCompany(dataset: Dataset, input: Record<string, unknown>): FixtureCompany {
	const name = optString(input.name);
	const domain = optString(input.domain)?.toLowerCase();
	if (!name || !domain) throw bad('each company needs name and domain');
	const pattern = (optString(input.emailPattern) ?? '{first}.{last}') as EmailPattern;
	return {
		id: optNumber(input.id) ?? dataset.nextCompanyId(),
		name,
		domain,
		industry: optString(input.industry) ?? 'Computer Software',
		employees: optNumber(input.employees) ?? 50,
		revenueUsd: optNumber(input.revenueUsd) ?? 5_000_000,
		foundedYear: optNumber(input.foundedYear) ?? 2015,
		city: optString(input.city) ?? 'Austin',
		state: optString(input.state) ?? 'Texas',
		country: optString(input.country) ?? 'United States',
		phone: optString(input.phone) ?? '+1 512 555 0100',
		linkedinUrl: optString(input.linkedinUrl) ?? `https://www.linkedin.com/company/${domain.split('.')[0]}`,
		emailPattern: pattern,
		catchAll: optBool(input.catchAll) ?? false,
	};
}

function toPerson(dataset: Dataset, input: Record<string, unknown>): FixturePerson {
	const firstName = optString(input.firstName);
	const lastName = optString(input.lastName);
	if (!firstName || !lastName) throw bad('each person needs firstName and lastName');
	const domain = optString(input.companyDomain);
	const company =
		optNumber(input.companyId) !== undefined
			? dataset.company(optNumber(input.companyId) ?? 0)
			: domain
				? dataset.companyByDomainName(domain)
				: undefined;
	if (!company) throw bad(`person ${firstName} ${lastName}: unknown company (give companyId or companyDomain)`);
	const seniority = (SENIORITIES as readonly string[]).includes(String(input.seniority)) ? (input.seniority as Seniority) : 'manager';
	const department = (DEPARTMENTS as readonly string[]).includes(String(input.department)) ? (input.department as Department) : 'sales';
	const email =
		input.email === null
			? null
			: (optString(input.email) ?? `${applyPattern(company.emailPattern, firstName, lastName)}@${company.domain}`);
	const knownBy = isRecord(input.knownBy) ? input.knownBy : {};
	const knows = (provider: keyof FixturePerson['knownBy']) => email !== null && (optBool(knownBy[provider]) ?? true);
	return {
		id: optNumber(input.id) ?? dataset.nextPersonId(),
		firstName,
		lastName,
		seniority,
		department,
		title: optString(input.title) ?? titleFor(seniority, department),
		email,
		emailConfidence: optNumber(input.emailConfidence) ?? 95,
		phone: optString(input.phone) ?? null,
		mobilePhone: optString(input.mobilePhone) ?? null,
		linkedinUrl: optString(input.linkedinUrl) ?? `https://www.linkedin.com/in/${firstName}-${lastName}`.toLowerCase(),
		city: optString(input.city) ?? company.city,
		state: optString(input.state) ?? company.state,
		country: optString(input.country) ?? company.country,
		companyId: company.id,
		previousCompanyId: null,
		startedOn: optString(input.startedOn) ?? '2020-01',
		knownBy: { apollo: knows('apollo'), zoomInfo: knows('zoomInfo'), hunter: knows('hunter'), upLead: knows('upLead') },
	};
}

/** Companies first, so people in the same request can point at them. */
export function seedFixtures(dataset: Dataset, records: unknown): { companies: FixtureCompany[]; people: FixturePerson[] } {
	if (!isRecord(records)) throw bad('expected { companies?: [...], people?: [...] }');
	const list = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);
	const companies = list(records.companies).map((input) => dataset.addCompany(toCompany(dataset, input)));
	const people = list(records.people).map((input) => dataset.addPerson(toPerson(dataset, input)));
	return { companies, people };
}
