/**
 * Thrio (Nextiva Contact Center): Basic login on the login host returns a token and the tenant's API
 * base (`location`); the data API, outbound lists and SMS live under that base.
 */
import { guarded, positiveInt, type ApiRouters, type Guard, type ProviderModule, type SandboxCore } from './core';
import { PROVIDER_PREFIX } from './defaults';
import { basicAuth, bodyRecord, firstHeader, HttpError, isRecord, json, optNumber, optString, type Reply } from './http-util';
import { matchesText } from './paging';
import type { RequestContext } from './router';
import { badRequest, COMM_TYPES, ThrioState } from './thrio-store';
import { TOKEN_MESSAGES, TokenStore } from './tokens';

export type { ThrioLead, ThrioObject, ThrioSms } from './thrio-store';

export interface ThrioUser {
	tenantId: string;
	userId: string;
	username: string;
	authorities: string[];
}

/** Leads per `leadsupsert` call when `thrio.maxLeadsPerUpsert` is not configured. */
const DEFAULT_MAX_LEADS_PER_UPSERT = 1000;
const MAX_ROWS = 1000;

/** `q` is either `field:value` or free text over every field. */
function matchesQuery(object: Record<string, unknown>, q: string | undefined): boolean {
	if (!q) return true;
	const pair = q.match(/^(\w+):(.*)$/);
	return pair ? matchesText([object[pair[1]]], pair[2]) : matchesText(Object.values(object), q);
}

export class ThrioProvider implements ProviderModule {
	readonly name = 'thrio' as const;
	readonly state = new ThrioState();
	readonly tokens: TokenStore<ThrioUser>;
	private readonly guard: Guard<ThrioUser>;

	constructor(private readonly core: SandboxCore) {
		this.tokens = new TokenStore(core.now, 'jwt', core.jwtSecret);
		this.guard = {
			authenticate: (ctx) => {
				const header = firstHeader(ctx.headers, 'authorization') ?? '';
				const bearer = header.match(/^Bearer\s+(.+)$/i)?.[1];
				ctx.credentialVia = bearer ? 'header:authorization-bearer' : 'header:authorization';
				const check = this.tokens.use(bearer ?? header);
				if (!check.ok) throw new HttpError(401, { error: 'AUTHENTICATION_FAILED', message: TOKEN_MESSAGES[check.reason] });
				return check.record.claims;
			},
			limit: (_ctx, who) => {
				const perMinute = core.config().rateLimits.thrio.perMinute;
				return perMinute === null
					? undefined
					: { key: `thrio:${who.username}`, windows: [{ name: 'minute', limit: perMinute, windowMs: 60_000 }] };
			},
			rateLimited: this.rateLimited,
		};
		this.state.reset();
	}

	readonly rateLimited = (): HttpError => new HttpError(429, { error: 'TOO_MANY_REQUESTS', message: 'Rate limit exceeded' });

	register(routers: ApiRouters): void {
		routers.thrioLogin.get('/provider/token-with-authorities', (ctx) => this.login(ctx), { auth: true });
		const route = (handler: (ctx: RequestContext, who: ThrioUser) => Reply, auth = false) =>
			[guarded(this.core, this.guard, handler), { auth }] as const;
		const now = () => new Date(this.core.now()).toISOString();
		routers.thrioCluster
			.get('/provider/api/token-refresh', ...route((ctx, who) => this.issue(ctx, who), true))
			.get('/data/api/types/:type', ...route((ctx) => this.list(ctx)))
			.get('/data/api/types/:type/:id', ...route((ctx) => json(this.find(ctx.params.type, ctx.params.id))))
			.post('/data/api/types/:type', ...route((ctx) => json(this.create(ctx.params.type, bodyRecord(ctx.body), now()))))
			.put(
				'/data/api/types/:type/:id',
				...route((ctx) => {
					const existing = this.find(ctx.params.type, ctx.params.id);
					const { id: _id, ...fields } = bodyRecord(ctx.body);
					return json(this.state.type(ctx.params.type).replace({ ...existing, ...fields, updatedAt: now() }));
				}),
			)
			.delete(
				'/data/api/types/:type/:id',
				...route((ctx) => {
					this.state.type(ctx.params.type).delete(this.find(ctx.params.type, ctx.params.id).id);
					return json({ id: ctx.params.id, deleted: true });
				}),
			)
			.post(
				'/data/api/types/outboundlist/:id/lead',
				...route((ctx) => json(this.state.upsertLead(ctx.params.id, bodyRecord(ctx.body), now()).lead)),
			)
			.post(
				'/data/api/types/outboundlist/:id/leadsupsert',
				...route((ctx) => this.upsertLeads(ctx.params.id, ctx.body, now(), this.core.config().thrio.maxLeadsPerUpsert)),
			)
			.post(
				'/data/api/types/outboundlist/:id/lead/:leadId/reset',
				...route((ctx) => {
					const leads = this.state.leadsOf(ctx.params.id);
					const lead = leads.get(ctx.params.leadId);
					if (!lead) throw new HttpError(404, { error: 'NOT_FOUND', message: `Lead ${ctx.params.leadId} not found` });
					return json(leads.replace({ ...lead, attempts: 0, status: 'NEW', updatedAt: now() }));
				}),
			)
			.post('/users/api/sms', ...route((ctx) => this.sendSms(bodyRecord(ctx.body), now())));
	}

	private login(ctx: RequestContext): Reply {
		const config = this.core.config().thrio;
		if (config.loginDown) throw new HttpError(503, { error: 'SERVICE_UNAVAILABLE', message: 'Login service unavailable' });
		const basic = basicAuth(ctx.headers);
		ctx.credentialVia = basic ? 'header:authorization-basic' : undefined;
		if (!basic || basic.user !== config.username || basic.password !== config.password)
			throw new HttpError(401, { error: 'Bad credentials' });
		return this.issue(ctx, {
			tenantId: config.tenantId,
			userId: 'user-thrio-0001',
			username: config.username,
			authorities: ['ROLE_USER', 'ROLE_API'],
		});
	}

	private issue(ctx: RequestContext, user: ThrioUser): Reply {
		const auth = this.core.config().auth;
		const record = this.tokens.issue(user, { ttlMs: auth.tokenTtlMs.thrio, maxCalls: auth.tokenMaxCalls.thrio });
		return json({ token: record.token, location: `${ctx.origin}${PROVIDER_PREFIX.thrioCluster}` });
	}

	private find(type: string, id: string) {
		const object = this.state.type(type).get(id);
		if (!object) throw new HttpError(404, { error: 'NOT_FOUND', message: `${type} ${id} not found` });
		return object;
	}

	private list(ctx: RequestContext): Reply {
		const rows = Math.min(MAX_ROWS, positiveInt(optNumber(ctx.query.get('rows')), 25));
		const start = optNumber(ctx.query.get('start')) ?? 0;
		const matching = this.state
			.type(ctx.params.type)
			.list()
			.filter((object) => matchesQuery(object, optString(ctx.query.get('q'))));
		const objects = matching.slice(start, start + rows);
		return json({ count: objects.length, total: matching.length, objects });
	}

	private create(type: string, body: Record<string, unknown>, now: string) {
		if (type === 'commconsent') {
			if (!optString(body.address)) throw badRequest('address is required');
			if (!COMM_TYPES.includes(String(body.commType).toUpperCase())) throw badRequest(`commType must be one of ${COMM_TYPES.join(', ')}`);
		}
		const { id: _ignored, ...fields } = body;
		return this.state.type(type).insert({ ...fields, createdAt: now, updatedAt: now });
	}

	/** A call over `max` leads is refused whole, before any lead is looked at; seeds are not limited. */
	private upsertLeads(listId: string, body: unknown, now: string, max = DEFAULT_MAX_LEADS_PER_UPSERT): Reply {
		if (!Array.isArray(body)) throw badRequest('The body must be an array of leads');
		if (body.length > max)
			throw new HttpError(413, { error: 'PAYLOAD_TOO_LARGE', message: `At most ${max} leads per call, not ${body.length}` });
		this.state.leadsOf(listId);
		if (!body.every((lead) => isRecord(lead) && optString(lead.phone))) throw badRequest('Each lead needs a phone');
		const results = body.map((lead: Record<string, unknown>) => this.state.upsertLead(listId, lead, now));
		return json({
			inserted: results.filter((result) => result.inserted).length,
			updated: results.filter((result) => !result.inserted).length,
			leads: results.map((result) => result.lead),
		});
	}

	private sendSms(body: Record<string, unknown>, now: string): Reply {
		const to = optString(body.to);
		const message = optString(body.message);
		if (!to || !message) throw badRequest('to and message are required');
		if (this.state.hasOptedOut(to, 'SMS')) {
			throw new HttpError(409, { error: 'OPT_OUT', message: `${to} has opted out of SMS (commconsent); message not sent` });
		}
		const sms = {
			id: `sms-${this.state.sms.length + 1}`,
			to,
			message,
			campaignId: optString(body.campaignId) ?? null,
			status: 'queued' as const,
			createdAt: now,
		};
		this.state.sms.push(sms);
		return json({ id: sms.id, status: sms.status });
	}

	/** `{ contact: [...], commconsent: [...], ... }` objects by type, plus `leads: { <listId>: [...] }`. */
	seed(records: unknown): void {
		if (!isRecord(records)) throw badRequest('Expected an object keyed by type');
		const now = new Date(this.core.now()).toISOString();
		for (const [type, items] of Object.entries(records)) {
			if (type === 'leads' && isRecord(items)) {
				for (const [listId, leads] of Object.entries(items)) this.upsertLeads(listId, leads, now, Infinity);
			} else if (Array.isArray(items)) {
				for (const item of items) this.create(type, bodyRecord(item), now);
			}
		}
	}

	dump(): unknown {
		return {
			objects: Object.fromEntries([...this.state.objects].map(([type, table]) => [type, table.list()])),
			leads: Object.fromEntries([...this.state.leads].map(([listId, table]) => [listId, table.list()])),
			sms: this.state.sms,
			activeTokens: this.tokens.active().length,
		};
	}

	reset(): void {
		this.state.reset();
		this.tokens.clear();
	}

	expireTokens(): void {
		this.tokens.expireAll();
	}

	revokeTokens(): void {
		this.tokens.revokeAll();
	}
}
