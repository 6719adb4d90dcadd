/**
 * ZoomInfo Enterprise API: `/authenticate` by password or by a client-signed RS256 JWT (PKI), then a
 * 60-minute HS256 JWT for search, enrich (record credits) and usage.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { guarded, positiveInt, type ApiRouters, type Guard, type ProviderModule, type SandboxCore } from './core';
import { seedFixtures } from './fixture-seed';
import { bearerToken, bodyRecord, HttpError, isRecord, json, optNumber, optString, type Reply } from './http-util';
import { verifyRs256 } from './jwt';
import { orderBy, pageOf } from './paging';
import type { RequestContext } from './router';
import { TOKEN_MESSAGES, TokenStore } from './tokens';
import {
	COMPANY_MATCH_INPUTS,
	COMPANY_OUTPUT_FIELDS,
	CONTACT_MATCH_INPUTS,
	CONTACT_OUTPUT_FIELDS,
	companyFilter,
	companyRecord,
	contactFilter,
	contactRecord,
	matchCompany,
	matchContact,
} from './zoominfo-data';

export interface ZoomInfoState {
	requestsUsed: number;
	recordsUsed: number;
	/** Distinct person/company ids ever enriched (the uniqueIdLimit counter). */
	uniqueIds: Set<string>;
}

interface ZoomInfoUser {
	username: string;
}

const MAX_RPP = 100;
const MAX_ENRICH_INPUTS = 25;
const MAX_PKI_LIFETIME_S = 300;

/** One RSA key pair per process: generating one costs ~100 ms and tests start many sandboxes. */
let pki: { privateKeyPem: string; publicKeyPem: string; publicKey: KeyObject } | undefined;
function sandboxPki() {
	if (!pki) {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		pki = {
			privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
			publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
			publicKey,
		};
	}
	return pki;
}

const invalidCredentials = () => new HttpError(401, { error: 'Invalid credentials' });

export class ZoomInfoProvider implements ProviderModule {
	readonly name = 'zoomInfo' as const;
	readonly state: ZoomInfoState = { requestsUsed: 0, recordsUsed: 0, uniqueIds: new Set() };
	readonly tokens: TokenStore<ZoomInfoUser>;
	private readonly guard: Guard<ZoomInfoUser>;

	constructor(private readonly core: SandboxCore) {
		this.tokens = new TokenStore(core.now, 'jwt', core.jwtSecret);
		this.guard = {
			authenticate: (ctx) => {
				const check = this.tokens.use(bearerToken(ctx.headers));
				if (!check.ok) throw new HttpError(401, { statusCode: 401, error: 'Unauthorized', message: TOKEN_MESSAGES[check.reason] });
				return check.record.claims;
			},
			limit: (_ctx, who) => ({
				key: `zoomInfo:${who.username}`,
				windows: [{ name: 'minute', limit: core.config().rateLimits.zoomInfo.perMinute, windowMs: 60_000 }],
			}),
			rateLimited: this.rateLimited,
		};
	}

	readonly rateLimited = (): HttpError =>
		new HttpError(429, { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' });

	/** PEM of the private key a ZoomInfo PKI credential signs with. */
	get privateKeyPem(): string {
		return sandboxPki().privateKeyPem;
	}

	get publicKeyPem(): string {
		return sandboxPki().publicKeyPem;
	}

	register(routers: ApiRouters): void {
		const route = (handler: (ctx: RequestContext) => Reply) =>
			guarded(this.core, this.guard, (ctx) => {
				this.countRequest();
				return handler(ctx);
			});
		routers.zoomInfo
			.post('/authenticate', (ctx) => this.authenticate(ctx), { auth: true })
			.post(
				'/search/contact',
				route((ctx) => this.searchContacts(bodyRecord(ctx.body))),
			)
			.post(
				'/search/company',
				route((ctx) => this.searchCompanies(bodyRecord(ctx.body))),
			)
			.post(
				'/enrich/contact',
				route((ctx) => this.enrich(bodyRecord(ctx.body), 'contact')),
			)
			.post(
				'/enrich/company',
				route((ctx) => this.enrich(bodyRecord(ctx.body), 'company')),
			)
			.get(
				'/lookup/usage',
				route(() => json({ usage: this.usage() })),
			);
	}

	private authenticate(ctx: RequestContext): Reply {
		const config = this.core.config().zoomInfo;
		const clientJwt = bearerToken(ctx.headers);
		if (clientJwt !== undefined) {
			ctx.credentialVia = 'pki';
			const claims = verifyRs256(clientJwt, sandboxPki().publicKey);
			const now = this.core.now() / 1000;
			const iat = optNumber(claims?.iat);
			const exp = optNumber(claims?.exp);
			const valid =
				claims?.aud === 'enterprise_api' &&
				claims.iss === 'api-client@zoominfo.com' &&
				claims.client_id === config.clientId &&
				claims.username === config.username &&
				iat !== undefined &&
				exp !== undefined &&
				exp > now &&
				exp - iat <= MAX_PKI_LIFETIME_S;
			if (!valid) throw invalidCredentials();
		} else {
			ctx.credentialVia = 'password';
			const body = bodyRecord(ctx.body);
			if (body.username !== config.username || body.password !== config.password) throw invalidCredentials();
		}
		const auth = this.core.config().auth;
		const record = this.tokens.issue(
			{ username: config.username },
			{ ttlMs: auth.tokenTtlMs.zoomInfo, maxCalls: auth.tokenMaxCalls.zoomInfo },
		);
		return json({ jwt: record.token });
	}

	/** Every API call counts against the request limit; past it ZoomInfo refuses with 403. */
	private countRequest(): void {
		if (this.state.requestsUsed >= this.core.config().zoomInfo.requestLimit) {
			throw new HttpError(403, { statusCode: 403, error: 'Forbidden', message: 'API request limit exceeded' });
		}
		this.state.requestsUsed++;
	}

	private page<T extends object>(items: T[], params: Record<string, unknown>): Reply {
		const rpp = positiveInt(optNumber(params.rpp), 25);
		if (rpp > MAX_RPP) throw new HttpError(400, { statusCode: 400, error: 'Bad Request', message: `rpp must be at most ${MAX_RPP}` });
		const page = positiveInt(optNumber(params.page), 1);
		const sorted = orderBy(items, optString(params.sortBy), String(params.sortOrder).toLowerCase() === 'desc');
		return json({ maxResults: rpp, totalResults: items.length, currentPage: page, data: pageOf(sorted, page, rpp) });
	}

	private searchContacts(params: Record<string, unknown>): Reply {
		const dataset = this.core.dataset();
		const keep = contactFilter(params);
		const contacts = dataset.people.flatMap((person) => {
			const company = dataset.company(person.companyId);
			if (!company || !keep(person, company)) return [];
			const { email: _email, phone: _phone, mobilePhone: _mobile, ...teaser } = contactRecord(person, company);
			return [teaser];
		});
		return this.page(contacts, params);
	}

	private searchCompanies(params: Record<string, unknown>): Reply {
		const companies = this.core
			.dataset()
			.companies.filter(companyFilter(params))
			.map((company) => ({ id: companyRecord(company).id, name: company.name }));
		return this.page(companies, params);
	}

	private enrich(body: Record<string, unknown>, kind: 'contact' | 'company'): Reply {
		const inputs = kind === 'contact' ? body.matchPersonInput : body.matchCompanyInput;
		const inputName = kind === 'contact' ? 'matchPersonInput' : 'matchCompanyInput';
		if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > MAX_ENRICH_INPUTS) {
			throw new HttpError(400, { success: false, error: `${inputName} must hold 1 to ${MAX_ENRICH_INPUTS} inputs` });
		}
		const allowed = kind === 'contact' ? CONTACT_OUTPUT_FIELDS : COMPANY_OUTPUT_FIELDS;
		const outputFields = Array.isArray(body.outputFields) ? body.outputFields.map(String) : [];
		const unknown = outputFields.filter((field) => !allowed.includes(field));
		if (outputFields.length === 0 || unknown.length > 0) {
			throw new HttpError(400, { success: false, error: `Invalid outputFields: ${unknown.join(', ') || '(none given)'}` });
		}
		const documented = kind === 'contact' ? CONTACT_MATCH_INPUTS : COMPANY_MATCH_INPUTS;
		const undocumented = [...new Set(inputs.flatMap((input: unknown) => Object.keys(isRecord(input) ? input : {})))].filter(
			(field) => !documented.includes(field),
		);
		if (undocumented.length > 0) {
			throw new HttpError(400, { success: false, error: `Invalid ${inputName} field(s): ${undocumented.join(', ')}` });
		}
		const dataset = this.core.dataset();
		const result = inputs.map((input: unknown) => {
			const record = isRecord(input) ? input : {};
			const found = kind === 'contact' ? matchContact(dataset, record) : matchCompany(dataset, record);
			if (!found) return { input, data: [], matchStatus: 'NO_MATCH' };
			if (this.state.recordsUsed >= this.core.config().zoomInfo.recordLimit) return { input, data: [], matchStatus: 'LIMIT_EXCEEDED' };
			const full =
				'firstName' in found ? contactRecord(found, dataset.company(found.companyId) ?? dataset.companies[0]) : companyRecord(found);
			this.state.recordsUsed++;
			this.state.uniqueIds.add(`${kind}:${String(full.id)}`);
			return { input, data: [Object.fromEntries(outputFields.map((field) => [field, full[field] ?? null]))], matchStatus: 'FULL_MATCH' };
		});
		// ZoomInfo nests the echoed field list one level deeper than the request had it.
		return json({ success: true, data: { outputFields: [outputFields], result } });
	}

	private usage(): Array<Record<string, unknown>> {
		const config = this.core.config().zoomInfo;
		const line = (limitType: string, description: string, limit: number, currentUsage: number) => ({
			limitType,
			description,
			limit,
			currentUsage,
			usageRemaining: Math.max(0, limit - currentUsage),
		});
		return [
			line('requestLimit', 'API requests', config.requestLimit, this.state.requestsUsed),
			line('recordLimit', 'Records enriched', config.recordLimit, this.state.recordsUsed),
			line('uniqueIdLimit', 'Unique ids enriched', config.uniqueIdLimit, this.state.uniqueIds.size),
		];
	}

	seed(records: unknown): void {
		seedFixtures(this.core.dataset(), records);
	}

	dump(): unknown {
		return {
			requestsUsed: this.state.requestsUsed,
			recordsUsed: this.state.recordsUsed,
			uniqueIds: [...this.state.uniqueIds],
			usage: this.usage(),
		};
	}

	reset(): void {
		this.state.requestsUsed = 0;
		this.state.recordsUsed = 0;
		this.state.uniqueIds.clear();
		this.tokens.clear();
	}

	expireTokens(): void {
		this.tokens.expireAll();
	}

	revokeTokens(): void {
		this.tokens.revokeAll();
	}

	creditsUsed(): number {
		return this.state.recordsUsed;
	}
}
