/**
 * Apollo.io: `x-api-key` auth, per-endpoint fixed-window limits with usage headers, credit-metered
 * enrichment over the shared fixtures, and phone reveals delivered later to `webhook_url`.
 */
import {
	apolloParams,
	apolloPersonId,
	companyMatches,
	fullPerson,
	hasMatchInput,
	matchPerson,
	organization,
	PEOPLE_SEARCH_PARAMS,
	personMatches,
	searchParamsProblem,
	searchPerson,
} from './apollo-people';
import { guarded, type GuardedHandler, positiveInt, type ApiRouters, type Guard, type ProviderModule, type SandboxCore } from './core';
import { seedFixtures } from './fixture-seed';
import type { FixturePerson } from './fixtures';
import { firstHeader, HttpError, isRecord, json, optBool, optNumber, optString, type Reply } from './http-util';
import { pageOf, totalPages } from './paging';
import { retryAfterSeconds, type LimitResult } from './rate-limit';
import type { RequestContext } from './router';
import { deliverWebhook, type WebhookDelivery } from './webhooks';

export interface ApolloState {
	creditsUsed: number;
	webhookDeliveries: WebhookDelivery[];
}

interface ApolloKey {
	key: string;
	master: boolean;
}

const SEARCH_ENDPOINTS = ['/mixed_people/api_search', '/mixed_companies/search'];
const BULK_ENDPOINTS = ['/people/bulk_match'];
const MAX_PAGE = 500;
const MAX_PER_PAGE = 100;
const MAX_BULK = 10;

/** Usage headers in Apollo's spellings; the daily trio comes as `daily`, `24-hour` or both (config). */
function usageHeaders(result: LimitResult, spelling: 'both' | 'daily' | '24-hour'): Record<string, string> {
	const headers: Record<string, string> = {};
	const names: Record<string, string[]> = {
		minute: ['minute'],
		hour: ['hourly'],
		day: spelling === 'both' ? ['daily', '24-hour'] : [spelling],
	};
	for (const window of result.windows) {
		for (const name of names[window.name] ?? []) {
			headers[`x-rate-limit-${name}`] = String(window.limit);
			headers[`x-${name}-usage`] = String(window.used);
			headers[`x-${name}-requests-left`] = String(window.remaining);
		}
	}
	return headers;
}

/**
 * The person fields People Enrichment and Bulk People Enrichment document for a match. Whether
 * Apollo refuses others or ignores them is not confirmed; refusing them lets a test see one sent.
 */
const MATCH_FIELDS = ['id', 'email', 'hashed_email', 'first_name', 'last_name', 'name', 'linkedin_url', 'domain', 'organization_name'];

export class ApolloProvider implements ProviderModule {
	readonly name = 'apollo' as const;
	readonly state: ApolloState = { creditsUsed: 0, webhookDeliveries: [] };
	private readonly guard: Guard<ApolloKey>;

	constructor(private readonly core: SandboxCore) {
		this.guard = {
			authenticate: (ctx) => this.authenticate(ctx),
			limit: (ctx, who) => {
				const limits = core.config().rateLimits.apollo;
				const divisor = BULK_ENDPOINTS.includes(ctx.path) ? limits.bulkDivisor : 1;
				const window = (name: string, limit: number, windowMs: number) => ({
					name,
					limit: Math.max(1, Math.floor(limit / divisor)),
					windowMs,
				});
				return {
					key: `apollo:${who.key}:${ctx.path}`,
					windows: [
						window('minute', limits.perMinute, 60_000),
						window('hour', limits.perHour, 3_600_000),
						window('day', limits.perDay, 86_400_000),
					],
				};
			},
			headers: (result) => usageHeaders(result, core.config().apollo.rateLimitHeaders),
			rateLimited: this.rateLimited,
		};
	}

	readonly rateLimited = (retryAfterMs: number, result?: LimitResult): HttpError =>
		new HttpError(
			429,
			{ error: 'The maximum number of api calls allowed for this endpoint has been reached. Please upgrade your plan or try again later.' },
			{
				...(result ? usageHeaders(result, this.core.config().apollo.rateLimitHeaders) : {}),
				'retry-after': retryAfterSeconds(retryAfterMs),
			},
		);

	private authenticate(ctx: RequestContext): ApolloKey {
		const headerKey = firstHeader(ctx.headers, 'x-api-key');
		// Old clients put the key in the body or the query; still accepted, but the log shows it.
		const bodyKey = isRecord(ctx.body) ? optString(ctx.body.api_key) : undefined;
		const queryKey = optString(ctx.query.get('api_key'));
		const key = headerKey ?? bodyKey ?? queryKey;
		ctx.credentialVia = headerKey ? 'header:x-api-key' : bodyKey ? 'body:api_key' : queryKey ? 'query:api_key' : undefined;
		const entry = key === undefined ? undefined : this.core.config().apollo.apiKeys[key];
		if (key === undefined || !entry) throw new HttpError(401, { error: 'Invalid access credentials.' });
		if (!entry.master && SEARCH_ENDPOINTS.includes(ctx.path)) {
			throw new HttpError(403, {
				error: `api/v1${ctx.path} is not accessible with this api_key. A master API key is required.`,
				error_code: 'API_INACCESSIBLE',
			});
		}
		return { key, master: entry.master };
	}

	register(routers: ApiRouters): void {
		const route = (handler: GuardedHandler<ApolloKey>) => guarded(this.core, this.guard, handler);
		routers.apollo
			.get(
				'/auth/health',
				route(() => json({ healthy: true, is_logged_in: true })),
			)
			.post(
				'/mixed_people/api_search',
				route((ctx) => this.searchPeople(apolloParams(ctx.query, ctx.body))),
			)
			.post(
				'/mixed_companies/search',
				route((ctx) => this.searchCompanies(apolloParams(ctx.query, ctx.body))),
			)
			.post(
				'/people/match',
				route((ctx) => this.match(apolloParams(ctx.query, ctx.body))),
			)
			.post(
				'/people/bulk_match',
				route((ctx) => this.bulkMatch(apolloParams(ctx.query, ctx.body))),
			)
			.get(
				'/organizations/enrich',
				route((ctx) => this.enrichOrganization(ctx.query.get('domain') ?? undefined)),
			);
	}

	private paging(params: Record<string, unknown>): { page: number; perPage: number } {
		const page = positiveInt(optNumber(params.page), 1);
		if (page > MAX_PAGE) throw new HttpError(422, { error: `page must be at most ${MAX_PAGE}` });
		// Apollo caps per_page silently rather than refusing.
		return { page, perPage: Math.min(MAX_PER_PAGE, positiveInt(optNumber(params.per_page), 10)) };
	}

	private paged<T>(items: T[], key: string, params: Record<string, unknown>): Reply {
		const { page, perPage } = this.paging(params);
		const total = items.length;
		return json({
			total_entries: total,
			[key]: pageOf(items, page, perPage),
			pagination: { page, per_page: perPage, total_entries: total, total_pages: totalPages(total, perPage) },
		});
	}

	/** 422 in Apollo's `{error}` shape for search parameters it would not take (see `searchParamsProblem`). */
	private checkSearch(params: Record<string, unknown>, documented?: string[]): void {
		const problem = searchParamsProblem(params, documented);
		if (problem !== undefined) throw new HttpError(422, { error: problem });
	}

	private searchPeople(params: Record<string, unknown>): Reply {
		this.checkSearch(params, PEOPLE_SEARCH_PARAMS);
		const dataset = this.core.dataset();
		const people = dataset.people.flatMap((person) => {
			const company = dataset.company(person.companyId);
			return company && personMatches(person, company, params) ? [searchPerson(person, company)] : [];
		});
		return this.paged(people, 'people', params);
	}

	/** Organization Search documents many more parameters than the sandbox knows, so only their values are checked. */
	private searchCompanies(params: Record<string, unknown>): Reply {
		this.checkSearch(params);
		const companies = this.core
			.dataset()
			.companies.filter((company) => companyMatches(company, params))
			.map(organization);
		return this.paged(companies, 'organizations', params);
	}

	/** Apollo answers HTTP 422 "insufficient credits" once the account's credits are spent. */
	private requireCredits(): void {
		if (this.state.creditsUsed >= this.core.config().apollo.creditLimit) {
			throw new HttpError(422, { error: 'You have insufficient credits to perform this action. Please upgrade your plan.' });
		}
	}

	/** One enrichment: 1 credit when someone is found, plus the phone reveal credits when asked and found. */
	private enrich(
		input: Record<string, unknown>,
		reveal: { phone: boolean; webhookUrl?: string },
	): { person: FixturePerson | undefined; credits: number } {
		const person = matchPerson(this.core.dataset(), input);
		if (!person) return { person, credits: 0 };
		let credits = 1;
		const phones = [
			person.phone && { number: person.phone, type: 'work_direct' },
			person.mobilePhone && { number: person.mobilePhone, type: 'mobile' },
		].filter((phone): phone is { number: string; type: string } => Boolean(phone));
		if (reveal.phone && reveal.webhookUrl && phones.length > 0) {
			credits += this.core.config().apollo.phoneRevealCredits;
			const secret = this.core.config().apollo.webhookSecret;
			deliverWebhook(
				this.state.webhookDeliveries,
				reveal.webhookUrl,
				{
					status: 'success',
					people: [
						{
							id: apolloPersonId(person),
							status: 'success',
							phone_numbers: phones.map((phone) => ({
								raw_number: phone.number,
								sanitized_number: phone.number.replace(/[^\d+]/g, ''),
								type_cd: phone.type,
								confidence_cd: 'high',
							})),
						},
					],
				},
				secret ? { header: 'x-apollo-signature', secret } : undefined,
			);
		}
		this.state.creditsUsed += credits;
		return { person, credits };
	}

	private revealOptions(params: Record<string, unknown>): { phone: boolean; webhookUrl?: string } {
		const phone = optBool(params.reveal_phone_number) === true;
		const webhookUrl = optString(params.webhook_url);
		if (phone && !webhookUrl) {
			throw new HttpError(400, { error: "Please add a valid 'webhook_url' parameter when using 'reveal_phone_number'" });
		}
		return { phone, webhookUrl };
	}

	private match(params: Record<string, unknown>): Reply {
		if (!hasMatchInput(params)) throw new HttpError(400, { error: 'Please provide an id, email, linkedin_url or name to match' });
		const reveal = this.revealOptions(params);
		this.requireCredits();
		const { person } = this.enrich(params, reveal);
		return json({ person: person ? fullPerson(person, this.core.dataset()) : null });
	}

	private bulkMatch(params: Record<string, unknown>): Reply {
		const details = params.details;
		if (!Array.isArray(details) || details.length === 0) throw new HttpError(422, { error: 'details must be a non-empty array' });
		if (details.length > MAX_BULK) throw new HttpError(422, { error: `You can only enrich up to ${MAX_BULK} records at a time` });
		const undocumented = [...new Set(details.flatMap((detail) => Object.keys(isRecord(detail) ? detail : {})))].filter(
			(field) => !MATCH_FIELDS.includes(field),
		);
		if (undocumented.length > 0) throw new HttpError(422, { error: `Unknown field(s) in details: ${undocumented.join(', ')}` });
		const reveal = this.revealOptions(params);
		this.requireCredits();
		let credits = 0;
		const found = new Set<number>();
		const matches = details.map((detail) => {
			const result = this.enrich(isRecord(detail) ? detail : {}, reveal);
			credits += result.credits;
			if (result.person) found.add(result.person.id);
			return result.person ? fullPerson(result.person, this.core.dataset()) : null;
		});
		return json({
			status: 'success',
			error_code: null,
			error_message: null,
			total_requested_enrichments: details.length,
			unique_enriched_records: found.size,
			missing_records: matches.filter((match) => match === null).length,
			credits_consumed: credits,
			matches,
		});
	}

	private enrichOrganization(domain: string | undefined): Reply {
		if (!domain) throw new HttpError(422, { error: 'domain is required' });
		const company = this.core.dataset().companyByDomainName(domain);
		return json({ organization: company ? organization(company) : null });
	}

	seed(records: unknown): void {
		seedFixtures(this.core.dataset(), records);
	}

	dump(): unknown {
		return { ...this.state, creditLimit: this.core.config().apollo.creditLimit };
	}

	reset(): void {
		this.state.creditsUsed = 0;
		this.state.webhookDeliveries.length = 0;
	}

	creditsUsed(): number {
		return this.state.creditsUsed;
	}
}
