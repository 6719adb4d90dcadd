/** ZoomInfo's view of the fixtures: ids, search filters, enrich matching and output fields. */
import { createHash } from 'node:crypto';
import { splitName, type Dataset, type FixtureCompany, type FixturePerson, type Seniority } from './fixtures';
import { optList, optNumber, optString } from './http-util';
import { inList, matchesText } from './paging';

const PERSON_BASE = 7_000_000;
const COMPANY_BASE = 3_000_000;

const MANAGEMENT_LEVEL: Record<Seniority, string> = {
	owner: 'C Level Exec',
	founder: 'C Level Exec',
	c_suite: 'C Level Exec',
	vp: 'VP Level Exec',
	director: 'Director',
	manager: 'Manager',
	senior: 'Non Manager',
	entry: 'Non Manager',
};

/** "C-Level Exec", "c level exec" and "C Level Exec" all name the same level. */
const levelKey = (value: string) => value.toLowerCase().replace(/[^a-z]/g, '');

const domainOf = (website: string) =>
	website
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/^www\./, '')
		.replace(/\/.*$/, '');

export const zoomInfoPersonId = (person: FixturePerson) => PERSON_BASE + person.id;
export const zoomInfoCompanyId = (company: FixtureCompany) => COMPANY_BASE + company.id;

export function contactRecord(person: FixturePerson, company: FixtureCompany): Record<string, unknown> {
	const knowsEmail = person.knownBy.zoomInfo && person.email !== null;
	return {
		id: zoomInfoPersonId(person),
		firstName: person.firstName,
		middleName: '',
		lastName: person.lastName,
		email: knowsEmail ? person.email : null,
		hasEmail: knowsEmail,
		phone: person.phone,
		hasDirectPhone: person.phone !== null,
		mobilePhone: person.mobilePhone,
		hasMobilePhone: person.mobilePhone !== null,
		jobTitle: person.title,
		managementLevel: [MANAGEMENT_LEVEL[person.seniority]],
		jobFunction: [{ name: person.department.replace('_', ' '), department: person.department }],
		contactAccuracyScore: person.emailConfidence,
		city: person.city,
		state: person.state,
		country: person.country,
		externalUrls: [{ type: 'linkedin.com', url: person.linkedinUrl }],
		lastUpdatedDate: '2024-06-01',
		companyId: zoomInfoCompanyId(company),
		companyName: company.name,
		companyWebsite: `www.${company.domain}`,
		company: { id: zoomInfoCompanyId(company), name: company.name },
	};
}

export function companyRecord(company: FixtureCompany): Record<string, unknown> {
	return {
		id: zoomInfoCompanyId(company),
		name: company.name,
		website: `www.${company.domain}`,
		phone: company.phone,
		revenue: Math.round(company.revenueUsd / 1000),
		employeeCount: company.employees,
		industries: [company.industry],
		foundedYear: String(company.foundedYear),
		city: company.city,
		state: company.state,
		country: company.country,
		socialMediaUrls: [{ type: 'linkedin.com', url: company.linkedinUrl }],
	};
}

/** Every field enrich may return; outputFields outside these lists are refused, as ZoomInfo does. */
export const CONTACT_OUTPUT_FIELDS = [
	'id',
	'firstName',
	'middleName',
	'lastName',
	'email',
	'hasEmail',
	'phone',
	'hasDirectPhone',
	'mobilePhone',
	'hasMobilePhone',
	'jobTitle',
	'managementLevel',
	'jobFunction',
	'contactAccuracyScore',
	'city',
	'state',
	'country',
	'externalUrls',
	'lastUpdatedDate',
	'companyId',
	'companyName',
	'companyWebsite',
	'company',
];
export const COMPANY_OUTPUT_FIELDS = [
	'id',
	'name',
	'website',
	'phone',
	'revenue',
	'employeeCount',
	'industries',
	'foundedYear',
	'city',
	'state',
	'country',
	'socialMediaUrls',
];

/**
 * The match inputs Enrich Contact and Enrich Company take (ZoomInfo's input combinations and its
 * /lookup/inputfields lists); an input with any other field is refused with the whole call.
 */
export const CONTACT_MATCH_INPUTS = [
	'personId',
	'emailAddress',
	'hashedEmail',
	'phone',
	'firstName',
	'lastName',
	'fullName',
	'companyId',
	'companyName',
	'jobTitle',
	'externalURL',
	'lastUpdatedDateAfter',
	'validDateAfter',
	'contactAccuracyScoreMin',
];
export const COMPANY_MATCH_INPUTS = [
	'companyId',
	'companyName',
	'companyWebsite',
	'companyTicker',
	'companyPhone',
	'companyFax',
	'companyStreet',
	'companyCity',
	'companyState',
	'companyZipCode',
	'companyCountry',
	'ipAddress',
];

export function companyFilter(params: Record<string, unknown>): (company: FixtureCompany) => boolean {
	const min = optNumber(params.employeeRangeMin) ?? 0;
	const max = optNumber(params.employeeRangeMax) ?? Number.MAX_SAFE_INTEGER;
	const websites = optList(params.companyWebsite)?.map(domainOf);
	const ids = optList(params.companyId)?.map(Number);
	return (company) =>
		matchesText([company.name], optString(params.companyName)) &&
		inList(company.domain, websites) &&
		(!ids || ids.includes(zoomInfoCompanyId(company))) &&
		inList(company.country, optList(params.country)) &&
		inList(company.state, optList(params.state)) &&
		company.employees >= min &&
		company.employees <= max;
}

export function contactFilter(params: Record<string, unknown>): (person: FixturePerson, company: FixtureCompany) => boolean {
	const levels = optList(params.managementLevel)?.map(levelKey);
	const emails = optList(params.emailAddress);
	const ids = optList(params.personId)?.map(Number);
	const companyOk = companyFilter({ ...params, country: undefined, state: undefined });
	return (person, company) =>
		matchesText([person.title], optString(params.jobTitle)) &&
		(!levels || levels.length === 0 || levels.includes(levelKey(MANAGEMENT_LEVEL[person.seniority]))) &&
		(!emails || (person.knownBy.zoomInfo && inList(person.email, emails))) &&
		(!ids || ids.includes(zoomInfoPersonId(person))) &&
		matchesText([person.firstName], optString(params.firstName)) &&
		matchesText([person.lastName], optString(params.lastName)) &&
		inList(person.country, optList(params.country)) &&
		inList(person.state, optList(params.state)) &&
		companyOk(company);
}

const hashIndex = new WeakMap<Dataset, { size: number; byHash: Map<string, FixturePerson> }>();

/** hashedEmail may be MD5, SHA-1 or SHA-256 hex of the lowercased address. */
function personByHashedEmail(dataset: Dataset, hash: string): FixturePerson | undefined {
	let index = hashIndex.get(dataset);
	if (!index || index.size !== dataset.people.length) {
		const byHash = new Map<string, FixturePerson>();
		for (const person of dataset.people) {
			if (!person.email) continue;
			for (const algorithm of ['md5', 'sha1', 'sha256'])
				byHash.set(createHash(algorithm).update(person.email.toLowerCase()).digest('hex'), person);
		}
		index = { size: dataset.people.length, byHash };
		hashIndex.set(dataset, index);
	}
	return index.byHash.get(hash.toLowerCase());
}

export function matchContact(dataset: Dataset, input: Record<string, unknown>): FixturePerson | undefined {
	const personId = optNumber(input.personId);
	if (personId !== undefined) return dataset.person(personId - PERSON_BASE);
	const email = optString(input.emailAddress);
	if (email) return dataset.personByEmailAddress(email);
	const hashed = optString(input.hashedEmail);
	if (hashed) return personByHashedEmail(dataset, hashed);
	const phone = optString(input.phone)?.replace(/\D/g, '');
	if (phone) return dataset.people.find((p) => [p.phone, p.mobilePhone].some((n) => n?.replace(/\D/g, '') === phone));
	const companyId = optNumber(input.companyId);
	const companyName = optString(input.companyName);
	const company =
		companyId !== undefined ? dataset.company(companyId - COMPANY_BASE) : companyName ? dataset.companyNamed(companyName) : undefined;
	const fullName = optString(input.fullName);
	const [first, last] = fullName ? splitName(fullName) : [optString(input.firstName), optString(input.lastName)];
	return first && last ? dataset.findByName(first, last, company) : undefined;
}

export function matchCompany(dataset: Dataset, input: Record<string, unknown>): FixtureCompany | undefined {
	const companyId = optNumber(input.companyId);
	if (companyId !== undefined) return dataset.company(companyId - COMPANY_BASE);
	const website = optString(input.companyWebsite);
	if (website) return dataset.companyByDomainName(domainOf(website));
	const name = optString(input.companyName);
	return name ? dataset.companyNamed(name) : undefined;
}
