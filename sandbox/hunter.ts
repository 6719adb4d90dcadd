/**
 * Hunter.io v2. Its error conventions are the trap here: 403 means rate limited (retry later), 429
 * means the plan quota is used up (do not retry). Hunter sends no rate-limit headers.
 */
import { guarded, type GuardedHandler, positiveInt, type ApiRouters, type Guard, type ProviderModule, type SandboxCore } from './core';
import { seedFixtures } from './fixture-seed';
import { bearerToken, firstHeader, HttpError, json, optList, optNumber, optString, type Reply } from './http-util';
import { splitName } from './fixtures';
import { domainEmails, EMAIL_SYNTAX, emailMatchesFilters, knownToHunter, personalEmail, verify } from './hunter-data';
import type { RequestContext } from './router';

export interface HunterState {
	quotaUsed: { searches: number; verifications: number };
	/** Verifier calls seen per address, for the 202 "still running" answers. */
	verifierPolls: Map<string, number>;
}

type QuotaKind = keyof HunterState['quotaUsed'];

const VERIFIER_PATH = '/email-verifier';
const MAX_LIMIT = 100;

function hunterError(status: number, id: string, details: string): HttpError {
	return new HttpError(status, { errors: [{ id, code: status, details }] });
}

const wrongParams = (details: string) => hunterError(400, 'wrong_params', details);

export class HunterProvider implements ProviderModule {
	readonly name = 'hunter' as const;
	readonly state: HunterState = { quotaUsed: { searches: 0, verifications: 0 }, verifierPolls: new Map() };
	private readonly guard: Guard<string>;

	constructor(private readonly core: SandboxCore) {
		this.guard = {
			authenticate: (ctx) => this.authenticate(ctx),
			limit: (ctx, key) => {
				const limits = core.config().rateLimits.hunter;
				const verifier = ctx.path === VERIFIER_PATH;
				return {
					key: `hunter:${key}:${verifier ? 'verifier' : 'api'}`,
					windows: [
						{ name: 'second', limit: verifier ? limits.verifierPerSecond : limits.perSecond, windowMs: 1000 },
						{ name: 'minute', limit: verifier ? limits.verifierPerMinute : limits.perMinute, windowMs: 60_000 },
					],
				};
			},
			rateLimited: this.rateLimited,
		};
	}

	readonly rateLimited = (): HttpError =>
		hunterError(403, 'too_many_requests', 'You have reached the rate limit for this endpoint. Please slow down and retry later.');

	private authenticate(ctx: RequestContext): string {
		const header = firstHeader(ctx.headers, 'x-api-key');
		const query = optString(ctx.query.get('api_key'));
		const bearer = bearerToken(ctx.headers);
		const key = header ?? query ?? bearer;
		ctx.credentialVia = header ? 'header:x-api-key' : query ? 'query:api_key' : bearer ? 'header:authorization-bearer' : undefined;
		if (!key || !this.core.config().hunter.apiKeys.includes(key)) {
			throw hunterError(401, 'authentication_failed', 'No user found for the API key supplied');
		}
		return key;
	}

	register(routers: ApiRouters): void {
		const route = (handler: GuardedHandler<string>) => guarded(this.core, this.guard, handler);
		routers.hunter
			.get(
				'/account',
				route(() => this.account()),
			)
			.get(
				'/domain-search',
				route((ctx) => this.domainSearch(ctx.query)),
			)
			.get(
				'/email-finder',
				route((ctx) => this.emailFinder(ctx.query)),
			)
			.get(
				VERIFIER_PATH,
				route((ctx) => this.emailVerifier(ctx.query)),
			);
	}

	private requireQuota(kind: QuotaKind): void {
		if (this.state.quotaUsed[kind] >= this.core.config().hunter.quota[kind]) {
			throw hunterError(429, 'too_many_requests', 'You have reached your monthly quota. Please upgrade your plan or wait for the reset.');
		}
	}

	private account(): Reply {
		const { quota, planName } = this.core.config().hunter;
		const used = this.state.quotaUsed;
		return json({
			data: {
				first_name: 'Sandbox',
				last_name: 'Owner',
				email: 'owner@hunter-sandbox.example',
				plan_name: planName,
				plan_level: 2,
				reset_date: '2099-01-01',
				requests: {
					searches: { used: used.searches, available: quota.searches },
					verifications: { used: used.verifications, available: quota.verifications },
					// Hunter's newer unified unit; here one credit per search or verification.
					credits: { used: used.searches + used.verifications, available: quota.searches + quota.verifications },
				},
			},
		});
	}

	private company(query: URLSearchParams) {
		const domain = optString(query.get('domain'));
		const name = optString(query.get('company'));
		if (!domain && !name) throw wrongParams('You are missing the domain or company parameter');
		const dataset = this.core.dataset();
		return { domain, company: domain ? dataset.companyByDomainName(domain) : dataset.companyNamed(name ?? '') };
	}

	private domainSearch(query: URLSearchParams): Reply {
		const { domain, company } = this.company(query);
		const limit = positiveInt(optNumber(query.get('limit')), 10);
		if (limit > MAX_LIMIT) throw wrongParams(`The limit parameter cannot exceed ${MAX_LIMIT}`);
		const offset = optNumber(query.get('offset')) ?? 0;
		this.requireQuota('searches');
		const filters = {
			type: optString(query.get('type')),
			seniority: optList(query.get('seniority')),
			department: optList(query.get('department')),
		};
		const emails = company ? domainEmails(this.core.dataset(), company).filter((email) => emailMatchesFilters(email, filters)) : [];
		if (emails.length > 0) this.state.quotaUsed.searches++;
		return json({
			data: {
				domain: company?.domain ?? domain ?? null,
				disposable: false,
				webmail: false,
				accept_all: company?.catchAll ?? false,
				pattern: company?.emailPattern ?? null,
				organization: company?.name ?? null,
				industry: company?.industry ?? null,
				linkedin: company?.linkedinUrl ?? null,
				emails: emails.slice(offset, offset + limit),
			},
			meta: { results: emails.length, limit, offset, params: { domain: domain ?? null, company: query.get('company'), ...filters } },
		});
	}

	private emailFinder(query: URLSearchParams): Reply {
		const { company } = this.company(query);
		const fullName = optString(query.get('full_name'));
		const [first, last] = fullName ? splitName(fullName) : [optString(query.get('first_name')), optString(query.get('last_name'))];
		if (!first || !last) throw wrongParams('You are missing the first_name and last_name, or full_name, parameters');
		this.requireQuota('searches');
		const person = company && this.core.dataset().findByName(first, last, company);
		const found = person && company && knownToHunter(person) ? personalEmail(person, company) : undefined;
		if (found) this.state.quotaUsed.searches++;
		return json({
			data: {
				first_name: first,
				last_name: last,
				email: found?.value ?? null,
				score: found?.confidence ?? null,
				domain: company?.domain ?? optString(query.get('domain')) ?? null,
				accept_all: company?.catchAll ?? false,
				position: found?.position ?? null,
				company: company?.name ?? null,
				linkedin_url: found?.linkedin ?? null,
				phone_number: found?.phone_number ?? null,
				sources: [],
				verification: found?.verification ?? { date: null, status: null },
			},
			meta: { params: { first_name: first, last_name: last, domain: query.get('domain'), company: query.get('company') } },
		});
	}

	private emailVerifier(query: URLSearchParams): Reply {
		const email = optString(query.get('email'))?.trim();
		if (!email || !EMAIL_SYNTAX.test(email)) throw wrongParams('The email parameter is missing or is not a valid email address');
		this.requireQuota('verifications');
		const key = email.toLowerCase();
		const polls = this.state.verifierPolls.get(key) ?? 0;
		this.state.verifierPolls.set(key, polls + 1);
		if (polls < this.core.config().hunter.verifierPendingPolls) {
			return json({ data: { status: 'unknown', result: null, score: null, email }, meta: { params: { email } } }, 202);
		}
		this.state.quotaUsed.verifications++;
		const verdict = verify(this.core.dataset(), email, this.core.config().hunter.catchAllDomains);
		return json({
			data: { ...verdict, email, regexp: true, gibberish: false, block: false, mx_records: verdict.status !== 'unknown', sources: [] },
			meta: { params: { email } },
		});
	}

	seed(records: unknown): void {
		seedFixtures(this.core.dataset(), records);
	}

	dump(): unknown {
		return {
			quotaUsed: this.state.quotaUsed,
			quota: this.core.config().hunter.quota,
			verifierPolls: Object.fromEntries(this.state.verifierPolls),
		};
	}

	reset(): void {
		this.state.quotaUsed.searches = 0;
		this.state.quotaUsed.verifications = 0;
		this.state.verifierPolls.clear();
	}

	creditsUsed(): number {
		return this.state.quotaUsed.searches + this.state.quotaUsed.verifications;
	}
}
