/**
 * UpLead v2: the raw key in `Authorization` (a "Bearer" prefix is refused, as the real API does),
 * credits spent per record found, 500 requests/min with X-RateLimit-* headers.
 */
import { guarded, type GuardedHandler, positiveInt, type ApiRouters, type Guard, type ProviderModule, type SandboxCore } from './core';
import { seedFixtures } from './fixture-seed';
import type { Department, FixtureCompany, FixturePerson, Seniority } from './fixtures';
import { bodyRecord, firstHeader, HttpError, json, optNumber, optString, type Reply } from './http-util';
import { inList, pageOf, totalPages } from './paging';
import { retryAfterSeconds, type LimitResult } from './rate-limit';
import type { RequestContext } from './router';

export interface UpLeadState {
	creditsUsed: number;
}

/*
 * UpLead's prospector search takes `domain` (required), one `management_level` code (M, D, VP, C or
 * CX), one lower-case `job_function` from a fixed list, single `title`/`city`/`state`/`country` or
 * arrays `titles`/`cities`/`states`/`countries`, and at most 100 records a page; its records carry
 * the same codes and functions. Source: the OpenAPI description in the api-evangelist/uplead
 * repository, a reconstruction of docs.uplead.com, not UpLead's own file. A value outside it is
 * answered 400 here, so a client sending the wrong vocabulary fails instead of matching nobody.
 */

/** M=Manager, D=Director, VP=Vice President, C=C-Suite; senior and entry staff have no code. CX is listed without a meaning. */
const MANAGEMENT_LEVEL: Record<Seniority, string | null> = {
	owner: 'C',
	founder: 'C',
	c_suite: 'C',
	vp: 'VP',
	director: 'D',
	manager: 'M',
	senior: null,
	entry: null,
};
const MANAGEMENT_LEVELS = ['M', 'D', 'VP', 'C', 'CX'];

const JOB_FUNCTIONS = [
	'advisory',
	'analyst',
	'creative',
	'education',
	'engineering',
	'finance',
	'fulfillment',
	'health',
	'hospitality',
	'human resources',
	'legal',
	'manufacturing',
	'marketing',
	'operations',
	'partnerships',
	'product',
	'professional service',
	'public service',
	'research',
	'sales',
	'sales engineering',
	'support',
	'trade',
	'unemployed',
];

/** The fixture department as UpLead's job function; `executive` and `it` have none in UpLead's list. */
function jobFunctionOf(department: Department): string | null {
	const name = department.replace(/_/g, ' ');
	return JOB_FUNCTIONS.includes(name) ? name : null;
}

/** The fixtures' countries by UpLead's prospector region (it lists AMER and EMEA). */
const REGION_COUNTRIES: Record<string, string[]> = {
	AMER: ['United States', 'Canada'],
	EMEA: ['United Kingdom', 'Germany', 'Ireland'],
};

function badRequest(message: string): HttpError {
	return new HttpError(400, { error: 'Bad Request', message });
}

/** A documented single-value field: absent, or one non-empty string (from `allowed`, when given). */
function single(body: Record<string, unknown>, name: string, allowed?: string[]): string | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${name} must be a single string`);
	if (allowed && !allowed.includes(value)) throw badRequest(`${name} must be one of: ${allowed.join(', ')}`);
	return value;
}

/** A documented array field: absent, or an array of non-empty strings (from `allowed`, when given). */
function array(body: Record<string, unknown>, name: string, allowed?: string[]): string[] | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === ''))
		throw badRequest(`${name} must be an array of strings`);
	const bad = allowed ? value.filter((item: string) => !allowed.includes(item)) : [];
	if (bad.length > 0) throw badRequest(`${name} must contain only: ${allowed?.join(', ')}`);
	return value as string[];
}

/** A single value and its array form, read as one list. */
function either(body: Record<string, unknown>, one: string, many: string): string[] | undefined {
	const value = single(body, one);
	const values = array(body, many);
	return value === undefined && values === undefined ? undefined : [...(value === undefined ? [] : [value]), ...(values ?? [])];
}

interface ProspectorQuery {
	domain: string;
	jobFunction?: string;
	managementLevel?: string;
	titles?: string[];
	titleMode: string;
	cities?: string[];
	states?: string[];
	countries?: string[];
	regions?: string[];
	page: number;
	perPage: number;
}

function prospectorQuery(body: Record<string, unknown>): ProspectorQuery {
	const domain = single(body, 'domain');
	if (domain === undefined) throw badRequest('domain is required');
	const perPage = positiveInt(optNumber(body.per_page), 25);
	if (perPage > MAX_PER_PAGE) throw badRequest(`per_page must be at most ${MAX_PER_PAGE}`);
	return {
		domain,
		jobFunction: single(body, 'job_function', JOB_FUNCTIONS),
		managementLevel: single(body, 'management_level', MANAGEMENT_LEVELS),
		titles: either(body, 'title', 'titles'),
		titleMode: single(body, 'title_search_mode', ['include', 'exact']) ?? 'include',
		cities: either(body, 'city', 'cities'),
		states: either(body, 'state', 'states'),
		countries: either(body, 'country', 'countries'),
		regions: array(body, 'regions', Object.keys(REGION_COUNTRIES)),
		page: positiveInt(optNumber(body.page), 1),
		perPage,
	};
}

function titleMatches(title: string, titles: string[] | undefined, mode: string): boolean {
	if (!titles || titles.length === 0) return true;
	const lower = title.toLowerCase();
	return titles.some((wanted) => (mode === 'exact' ? lower === wanted.toLowerCase() : lower.includes(wanted.toLowerCase())));
}

const MAX_PER_PAGE = 100;

function companyData(company: FixtureCompany): Record<string, unknown> {
	return {
		id: `c${company.id}`,
		company_name: company.name,
		domain: company.domain,
		industry: company.industry,
		employees: company.employees,
		revenue: company.revenueUsd,
		year_founded: company.foundedYear,
		phone_number: company.phone,
		city: company.city,
		state: company.state,
		country: company.country,
		linkedin_url: company.linkedinUrl,
	};
}

function personData(person: FixturePerson, company: FixtureCompany | undefined): Record<string, unknown> {
	const knowsEmail = person.knownBy.upLead && person.email !== null;
	return {
		id: `p${person.id}`,
		first_name: person.firstName,
		last_name: person.lastName,
		email: knowsEmail ? person.email : null,
		email_status: knowsEmail ? (person.emailConfidence >= 70 ? 'Valid' : 'Accept-All') : null,
		title: person.title,
		job_function: jobFunctionOf(person.department),
		management_level: MANAGEMENT_LEVEL[person.seniority],
		linkedin_url: person.linkedinUrl,
		phone: person.phone,
		mobile_phone: person.mobilePhone,
		city: person.city,
		state: person.state,
		country: person.country,
		company: company ? companyData(company) : null,
	};
}

function rateHeaders(result: LimitResult): Record<string, string> {
	const window = result.windows[0];
	return {
		'x-ratelimit-limit': String(window.limit),
		'x-ratelimit-remaining': String(window.remaining),
		'x-ratelimit-reset': String(Math.ceil(window.resetAt / 1000)),
	};
}

export class UpLeadProvider implements ProviderModule {
	readonly name = 'upLead' as const;
	readonly state: UpLeadState = { creditsUsed: 0 };
	private readonly guard: Guard<string>;

	constructor(private readonly core: SandboxCore) {
		this.guard = {
			authenticate: (ctx) => this.authenticate(ctx),
			limit: (_ctx, key) => ({
				key: `upLead:${key}`,
				windows: [{ name: 'minute', limit: core.config().rateLimits.upLead.perMinute, windowMs: 60_000 }],
			}),
			headers: rateHeaders,
			rateLimited: this.rateLimited,
		};
	}

	readonly rateLimited = (retryAfterMs: number, result?: LimitResult): HttpError =>
		new HttpError(
			429,
			{ message: 'Too many requests, please slow down' },
			{ ...(result ? rateHeaders(result) : {}), 'retry-after': retryAfterSeconds(retryAfterMs) },
		);

	private authenticate(ctx: RequestContext): string {
		const key = firstHeader(ctx.headers, 'authorization');
		ctx.credentialVia = key?.startsWith('Bearer ') ? 'header:authorization-bearer' : 'header:authorization';
		if (!key || !this.core.config().upLead.apiKeys.includes(key))
			throw new HttpError(401, { error: 'Unauthorized', message: 'Invalid API key' });
		return key;
	}

	private get remaining(): number {
		return Math.max(0, this.core.config().upLead.credits - this.state.creditsUsed);
	}

	/** Checks before any work that `count` credits are left, then spends them. */
	private spend(count: number): void {
		if (count > this.remaining) throw new HttpError(402, { error: 'Payment Required', message: 'Insufficient credits' });
		this.state.creditsUsed += count;
	}

	register(routers: ApiRouters): void {
		const route = (handler: GuardedHandler<string>) => guarded(this.core, this.guard, handler);
		routers.upLead
			.get(
				'/credits',
				route(() => json({ data: { credits: this.remaining } })),
			)
			.get(
				'/person-search',
				route((ctx) => this.personSearch(ctx.query)),
			)
			.get(
				'/company-search',
				route((ctx) => this.companySearch(ctx.query)),
			)
			.get(
				'/combined-search',
				route((ctx) => this.combinedSearch(ctx.query)),
			)
			.post(
				'/prospector-search',
				route((ctx) => this.prospectorSearch(bodyRecord(ctx.body))),
			);
	}

	private findPerson(query: URLSearchParams): FixturePerson | undefined {
		const dataset = this.core.dataset();
		const email = optString(query.get('email'));
		if (email) return dataset.personByEmailAddress(email);
		const [first, last, domain] = ['first_name', 'last_name', 'domain'].map((key) => optString(query.get(key)));
		if (!first || !last || !domain)
			throw new HttpError(400, { error: 'Bad Request', message: 'Provide email, or first_name, last_name and domain' });
		return dataset.findByName(first, last, dataset.companyByDomainName(domain));
	}

	private personSearch(query: URLSearchParams): Reply {
		const person = this.findPerson(query);
		if (!person) return json({ data: null, credits_remaining: this.remaining });
		this.spend(1);
		return json({ data: personData(person, this.core.dataset().company(person.companyId)), credits_remaining: this.remaining });
	}

	private companySearch(query: URLSearchParams): Reply {
		const dataset = this.core.dataset();
		const domain = optString(query.get('domain'));
		const name = optString(query.get('company'));
		if (!domain && !name) throw new HttpError(400, { error: 'Bad Request', message: 'Provide domain or company' });
		const company = domain ? dataset.companyByDomainName(domain) : dataset.companyNamed(name ?? '');
		if (!company) return json({ data: null, credits_remaining: this.remaining });
		this.spend(1);
		return json({ data: companyData(company), credits_remaining: this.remaining });
	}

	private combinedSearch(query: URLSearchParams): Reply {
		const email = optString(query.get('email'));
		if (!email) throw new HttpError(400, { error: 'Bad Request', message: 'email is required' });
		const dataset = this.core.dataset();
		const person = dataset.personByEmailAddress(email);
		const company = person ? dataset.company(person.companyId) : dataset.companyByDomainName(email.split('@')[1] ?? '');
		if (!person && !company) return json({ data: null, credits_remaining: this.remaining });
		this.spend(1);
		const { company: _nested, ...personFields } = person ? personData(person, company) : { company: null };
		return json({
			data: { person: person ? personFields : null, company: company ? companyData(company) : null },
			credits_remaining: this.remaining,
		});
	}

	/** Each returned record costs a credit, like a reveal in UpLead's web app; a refused query costs none. */
	private prospectorSearch(body: Record<string, unknown>): Reply {
		const dataset = this.core.dataset();
		const query = prospectorQuery(body);
		const matches = dataset.people.filter((person) => {
			const company = dataset.company(person.companyId);
			return (
				inList(company?.domain, [query.domain]) &&
				(query.jobFunction === undefined || jobFunctionOf(person.department) === query.jobFunction) &&
				(query.managementLevel === undefined || MANAGEMENT_LEVEL[person.seniority] === query.managementLevel) &&
				titleMatches(person.title, query.titles, query.titleMode) &&
				inList(person.city, query.cities) &&
				inList(person.state, query.states) &&
				inList(person.country, query.countries) &&
				inList(
					person.country,
					query.regions?.flatMap((region) => REGION_COUNTRIES[region]),
				)
			);
		});
		const { page, perPage } = query;
		const results = pageOf(matches, page, perPage);
		this.spend(results.length);
		const lastPage = Math.max(1, totalPages(matches.length, perPage));
		return json({
			results: results.map((person) => personData(person, dataset.company(person.companyId))),
			meta: { total: matches.length, page, next_page: page < lastPage ? page + 1 : null, last_page: lastPage },
		});
	}

	seed(records: unknown): void {
		seedFixtures(this.core.dataset(), records);
	}

	dump(): unknown {
		return { creditsUsed: this.state.creditsUsed, creditsRemaining: this.remaining };
	}

	reset(): void {
		this.state.creditsUsed = 0;
	}

	creditsUsed(): number {
		return this.state.creditsUsed;
	}
}
