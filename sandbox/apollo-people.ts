/** Apollo's view of the fixtures: its id formats, person/organization shapes and search filters. */
import { splitName, type Dataset, type FixtureCompany, type FixturePerson } from './fixtures';
import { isRecord, optBool, optList, optNumber, optString } from './http-util';
import { inList, matchesText } from './paging';

const PERSON_ID_PREFIX = '64a0';
const COMPANY_ID_PREFIX = '54a1';

const hexId = (prefix: string, id: number) => prefix + id.toString(16).padStart(20, '0');

function parseHexId(prefix: string, value: string | undefined): number | undefined {
	if (!value || value.length !== 24 || !value.startsWith(prefix)) return undefined;
	const id = parseInt(value.slice(prefix.length), 16);
	return Number.isNaN(id) ? undefined : id;
}

export const apolloPersonId = (person: FixturePerson) => hexId(PERSON_ID_PREFIX, person.id);
export const apolloCompanyId = (company: FixtureCompany) => hexId(COMPANY_ID_PREFIX, company.id);
export const personIdFromApollo = (value: string | undefined) => parseHexId(PERSON_ID_PREFIX, value);

export type ApolloEmailStatus = 'verified' | 'guessed' | 'unavailable';

export function emailStatus(person: FixturePerson): ApolloEmailStatus {
	if (!person.email || !person.knownBy.apollo) return 'unavailable';
	return person.emailConfidence >= 75 ? 'verified' : 'guessed';
}

/** `contact_email_status[]` vocabulary -> our statuses. */
const CONTACT_EMAIL_STATUS: Record<string, ApolloEmailStatus> = {
	verified: 'verified',
	unverified: 'guessed',
	'likely to engage': 'guessed',
	unavailable: 'unavailable',
};

export function organization(company: FixtureCompany): Record<string, unknown> {
	return {
		id: apolloCompanyId(company),
		name: company.name,
		website_url: `http://www.${company.domain}`,
		primary_domain: company.domain,
		linkedin_url: company.linkedinUrl,
		industry: company.industry.toLowerCase(),
		estimated_num_employees: company.employees,
		annual_revenue: company.revenueUsd,
		founded_year: company.foundedYear,
		phone: company.phone,
		city: company.city,
		state: company.state,
		country: company.country,
		raw_address: `${company.city}, ${company.state}, ${company.country}`,
	};
}

/** Search results are teasers: no email, an obfuscated last name, yes/maybe phone. */
export function searchPerson(person: FixturePerson, company: FixtureCompany): Record<string, unknown> {
	const last = person.lastName;
	return {
		id: apolloPersonId(person),
		first_name: person.firstName,
		last_name_obfuscated: `${last.charAt(0)}***${last.length > 1 ? last.charAt(last.length - 1) : ''}`,
		title: person.title,
		has_email: emailStatus(person) !== 'unavailable',
		has_city: true,
		has_state: true,
		has_country: true,
		has_direct_phone: person.phone ? 'Yes' : 'Maybe: please request direct dial via people/bulk_match',
		organization: { name: company.name, primary_domain: company.domain, has_industry: true, has_phone: true, has_employee_count: true },
	};
}

export function fullPerson(person: FixturePerson, dataset: Dataset): Record<string, unknown> {
	const company = dataset.company(person.companyId);
	const previous = person.previousCompanyId === null ? undefined : dataset.company(person.previousCompanyId);
	const status = emailStatus(person);
	const history = [
		{
			_id: `${apolloPersonId(person)}-0`,
			current: true,
			start_date: `${person.startedOn}-01`,
			end_date: null,
			organization_id: company && apolloCompanyId(company),
			organization_name: company?.name,
			title: person.title,
		},
		...(previous
			? [
					{
						_id: `${apolloPersonId(person)}-1`,
						current: false,
						start_date: null,
						end_date: `${person.startedOn}-01`,
						organization_id: apolloCompanyId(previous),
						organization_name: previous.name,
						title: 'Associate',
					},
				]
			: []),
	];
	return {
		id: apolloPersonId(person),
		first_name: person.firstName,
		last_name: person.lastName,
		name: `${person.firstName} ${person.lastName}`,
		title: person.title,
		headline: `${person.title} at ${company?.name ?? 'Unknown'}`,
		email: status === 'unavailable' ? null : person.email,
		email_status: status,
		linkedin_url: person.linkedinUrl,
		city: person.city,
		state: person.state,
		country: person.country,
		seniority: person.seniority,
		departments: [`master_${person.department}`],
		// Phones come later through the webhook when `reveal_phone_number` is set.
		phone_numbers: [],
		organization_id: company && apolloCompanyId(company),
		organization: company ? organization(company) : null,
		employment_history: history,
	};
}

/** Apollo takes its filters from the query string (`person_titles[]=...`) as well as the JSON body. */
export function apolloParams(query: URLSearchParams, body: unknown): Record<string, unknown> {
	const params: Record<string, unknown> = {};
	for (const key of new Set(query.keys())) {
		params[key.replace(/\[\]$/, '')] = key.endsWith('[]') ? query.getAll(key) : query.get(key);
	}
	return { ...params, ...(typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) };
}

/** A list parameter as Apollo receives it: an array, or one value (a scalar is one entry, commas and all). */
function entries(value: unknown): string[] | undefined {
	if (Array.isArray(value)) return value.map(String).filter((item) => item !== '');
	const single = optString(value);
	return single === undefined ? undefined : [single];
}

function inRanges(employees: number, ranges: string[] | undefined): boolean {
	if (!ranges || ranges.length === 0) return true;
	return ranges.some((range) => {
		const [min, max] = range.split(',').map((part) => optNumber(part.trim()));
		return employees >= (min ?? 0) && employees <= (max ?? Number.MAX_SAFE_INTEGER);
	});
}

/** `revenue_range[min]` / `revenue_range[max]`: from the query string as flat keys, from a JSON body as an object. */
function inRevenueRange(revenue: number, params: Record<string, unknown>): boolean {
	const nested = isRecord(params.revenue_range) ? params.revenue_range : {};
	const min = optNumber(nested.min ?? params['revenue_range[min]']);
	const max = optNumber(nested.max ?? params['revenue_range[max]']);
	return revenue >= (min ?? 0) && revenue <= (max ?? Number.MAX_SAFE_INTEGER);
}

/**
 * What People API Search documents (plus `api_key`, the old way to authenticate). Whether Apollo
 * refuses the rest or ignores it is not confirmed; ignoring would widen a search silently, and
 * refusing lets a test see an undocumented parameter sent.
 */
export const PEOPLE_SEARCH_PARAMS = [
	'person_titles',
	'include_similar_titles',
	'q_keywords',
	'person_locations',
	'person_seniorities',
	'organization_locations',
	'q_organization_domains_list',
	'organization_ids',
	'organization_num_employees_ranges',
	'contact_email_status',
	'revenue_range',
	'page',
	'per_page',
	'api_key',
];

/** Apollo's documented ceiling for `q_organization_domains_list[]`. */
export const MAX_SEARCH_DOMAINS = 1000;

/**
 * Why a `mixed_*` search would be refused (422), or undefined: parameters outside `documented`
 * (when given), size ranges that are not two numbers ("1,10"), more than 1,000 domains.
 */
export function searchParamsProblem(params: Record<string, unknown>, documented?: string[]): string | undefined {
	if (documented) {
		// `revenue_range[min]` and the like arrive from the query string under their bracketed names.
		const unknown = Object.keys(params).filter((key) => !documented.includes(key.replace(/\[[^\]]*\]$/, '')));
		if (unknown.length > 0) return `Unknown parameter(s) for this search: ${unknown.join(', ')}`;
	}
	const rangesValue = params.organization_num_employees_ranges;
	const ranges = entries(rangesValue);
	if (rangesValue !== undefined && rangesValue !== null && ranges === undefined) {
		return 'organization_num_employees_ranges must be a list of "min,max" ranges';
	}
	const badRange = ranges?.find((range) => !/^\d+,\d+$/.test(range));
	if (badRange !== undefined) {
		return `organization_num_employees_ranges entries must be two numbers separated by a comma (like "1,10"): "${badRange}"`;
	}
	const domains = entries(params.q_organization_domains_list);
	if (domains && domains.length > MAX_SEARCH_DOMAINS) {
		return `q_organization_domains_list takes at most ${MAX_SEARCH_DOMAINS} domains (${domains.length} given)`;
	}
	return undefined;
}

const place = (entity: { city: string; state: string; country: string }) => `${entity.city}, ${entity.state}, ${entity.country}`;
const inLocations = (location: string, wanted: string[] | undefined) =>
	!wanted || wanted.length === 0 || wanted.some((item) => location.toLowerCase().includes(item.toLowerCase()));

export function companyMatches(company: FixtureCompany, params: Record<string, unknown>): boolean {
	const ids = optList(params.organization_ids);
	const domains = optList(params.q_organization_domains_list)?.map((domain) => domain.replace(/^www\./, ''));
	return (
		(!ids || ids.length === 0 || ids.includes(apolloCompanyId(company))) &&
		inList(company.domain, domains) &&
		inLocations(place(company), optList(params.organization_locations)) &&
		inRanges(company.employees, entries(params.organization_num_employees_ranges)) &&
		inRevenueRange(company.revenueUsd, params) &&
		matchesText([company.name], optString(params.q_organization_name))
	);
}

export function personMatches(person: FixturePerson, company: FixtureCompany, params: Record<string, unknown>): boolean {
	const titles = optList(params.person_titles);
	const similar = optBool(params.include_similar_titles) ?? true;
	const titleOk =
		!titles ||
		titles.length === 0 ||
		titles.some((title) =>
			similar ? person.title.toLowerCase().includes(title.toLowerCase()) : person.title.toLowerCase() === title.toLowerCase(),
		);
	const statuses = optList(params.contact_email_status)?.map((status) => CONTACT_EMAIL_STATUS[status.toLowerCase()] ?? status);
	return (
		titleOk &&
		inList(person.seniority, optList(params.person_seniorities)) &&
		inLocations(place(person), optList(params.person_locations)) &&
		inList(emailStatus(person), statuses) &&
		matchesText([`${person.firstName} ${person.lastName}`, person.title, company.name], optString(params.q_keywords)) &&
		companyMatches(company, params)
	);
}

/** people/match: by id, email, LinkedIn URL, or name plus domain / organization name. */
export function matchPerson(dataset: Dataset, input: Record<string, unknown>): FixturePerson | undefined {
	const byId = personIdFromApollo(optString(input.id));
	if (byId !== undefined) return dataset.person(byId);
	const email = optString(input.email);
	if (email) return dataset.personByEmailAddress(email);
	const linkedin = optString(input.linkedin_url)?.toLowerCase().replace(/\/$/, '');
	if (linkedin) return dataset.people.find((person) => person.linkedinUrl.toLowerCase() === linkedin);
	const name = optString(input.name);
	const [first, last] = name ? splitName(name) : [optString(input.first_name), optString(input.last_name)];
	if (!first || !last) return undefined;
	const domain = optString(input.domain);
	const orgName = optString(input.organization_name);
	const company = domain ? dataset.companyByDomainName(domain) : orgName ? dataset.companyNamed(orgName) : undefined;
	return dataset.findByName(first, last, company);
}

/** True when the input names someone at all (otherwise Apollo refuses the request). */
export function hasMatchInput(input: Record<string, unknown>): boolean {
	return ['id', 'email', 'linkedin_url', 'name', 'first_name', 'last_name'].some((key) => optString(input[key]) !== undefined);
}
