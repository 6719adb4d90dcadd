/**
 * GoHighLevel: the same routes (contacts, their tasks, notes and workflows, opportunities, the
 * calendar) on the session backend (`/ghl`) and on the public v2 API (`/ghl-v2`), over one store per
 * location; 100 requests / 10 s per location with headers.
 */
import { guarded, type ApiRouters, type Guard, type ProviderModule, type SandboxCore } from './core';
import { PROVIDER_PREFIX } from './defaults';
import { GhlAuth, SESSION_USER_ID, type GhlPrincipal } from './gohighlevel-auth';
import { registerEngagementRoutes, type GhlHandler } from './gohighlevel-engagement';
import { searchContacts, searchOpportunities } from './gohighlevel-search';
import {
	GhlState,
	OPPORTUNITY_CREATE_FIELDS,
	OPPORTUNITY_UPDATE_FIELDS,
	UPDATE_FIELDS,
	UPSERT_FIELDS,
	found,
	refuseExtraProperties,
	validationError,
	type LocationStore,
} from './gohighlevel-store';
import { bodyRecord, HttpError, isRecord, json, optString } from './http-util';
import { retryAfterSeconds, type LimitResult } from './rate-limit';
import type { Router } from './router';

export type { GhlAppointment, GhlContact, GhlNote, GhlOpportunity, GhlTask } from './gohighlevel-store';

function rateHeaders(result: LimitResult): Record<string, string> {
	const [burst, daily] = result.windows;
	return {
		'x-ratelimit-max': String(burst.limit),
		'x-ratelimit-remaining': String(burst.remaining),
		'x-ratelimit-interval-milliseconds': String(burst.windowMs),
		'x-ratelimit-limit-daily': String(daily.limit),
		'x-ratelimit-daily-remaining': String(daily.remaining),
	};
}

export class GoHighLevelProvider implements ProviderModule {
	readonly name = 'goHighLevel' as const;
	readonly state = new GhlState();
	readonly auth: GhlAuth;

	constructor(private readonly core: SandboxCore) {
		this.auth = new GhlAuth(core);
	}

	readonly rateLimited = (retryAfterMs: number, result?: LimitResult): HttpError =>
		new HttpError(
			429,
			{ statusCode: 429, message: 'Too Many Requests' },
			{ ...(result ? rateHeaders(result) : {}), 'retry-after': retryAfterSeconds(retryAfterMs) },
		);

	/** A session token as a user would paste it from the browser. */
	issueSessionToken(options: { locationId?: string } = {}): string {
		return this.auth.issueSessionToken(options.locationId);
	}

	register(routers: ApiRouters): void {
		this.auth.registerLogin(routers.goHighLevelSession, routers.goHighLevelLogin);
		this.registerData(routers.goHighLevelSession, 'goHighLevelSession');
		this.registerData(routers.goHighLevelV2, 'goHighLevelV2');
		routers.goHighLevelSession.get(
			'/users/me',
			this.route('goHighLevelSession', (_ctx, store) =>
				json({ id: SESSION_USER_ID, name: 'Sandbox Owner', email: this.core.config().goHighLevel.email, locationId: store.location.id }),
			),
		);
	}

	/**
	 * Authenticates, rate-limits per location, and hands the handler its location's store. The
	 * location named by the request (path, body or query) must be the credential's own.
	 */
	private route(api: 'goHighLevelSession' | 'goHighLevelV2', handler: GhlHandler) {
		const guard: Guard<GhlPrincipal> = {
			authenticate: (ctx) => this.auth.authenticate(ctx, api),
			limit: (_ctx, who) => {
				const limits = this.core.config().rateLimits.goHighLevel;
				return {
					key: `goHighLevel:${who.locationId}`,
					windows: [
						{ name: 'burst', limit: limits.requests, windowMs: limits.windowMs },
						{ name: 'day', limit: limits.perDay, windowMs: 86_400_000 },
					],
				};
			},
			headers: rateHeaders,
			rateLimited: this.rateLimited,
		};
		return guarded(this.core, guard, (ctx, who) => {
			const body = bodyRecord(ctx.body);
			const named =
				ctx.params.locationId ??
				optString(body.locationId) ??
				optString(ctx.query.get('locationId')) ??
				optString(ctx.query.get('location_id'));
			if (named !== undefined && named !== who.locationId) {
				throw new HttpError(403, { statusCode: 403, message: 'The token does not have access to this location.' });
			}
			return handler(ctx, this.state.location(who.locationId), body);
		});
	}

	private registerData(router: Router, api: 'goHighLevelSession' | 'goHighLevelV2'): void {
		const now = () => new Date(this.core.now()).toISOString();
		const contact = (store: LocationStore, id: string) => found(store.contacts.get(id), 'Contact');
		const opportunity = (store: LocationStore, id: string) => found(store.opportunities.get(id), 'Opportunity');
		const requireLocation = (body: Record<string, unknown>) => {
			if (!optString(body.locationId)) throw validationError(['locationId should not be empty']);
		};
		const tagList = (body: Record<string, unknown>): string[] => {
			if (!Array.isArray(body.tags)) throw validationError(['tags must be an array']);
			return body.tags.map((tag) => String(tag).trim().toLowerCase());
		};
		const route = (handler: GhlHandler) => this.route(api, handler);
		registerEngagementRoutes(router, route, () => this.core.now());

		router
			.get(
				'/locations/:locationId',
				route((_ctx, store) => json({ location: store.location })),
			)
			.get(
				'/locations/:locationId/customFields',
				route((_ctx, store) => json({ customFields: store.customFields })),
			)
			.post(
				'/contacts/upsert',
				route((_ctx, store, body) => {
					requireLocation(body);
					const { isNew, contact: saved } = store.upsertContact(store.contactPatch(body, UPSERT_FIELDS), now());
					return json({ new: isNew, contact: saved, traceId: `trace-${saved.id}` }, 201);
				}),
			)
			.post(
				'/contacts/search',
				route((_ctx, store, body) => {
					requireLocation(body);
					return json(searchContacts(store.contacts.list(), body));
				}),
			)
			.get(
				'/contacts/:id',
				route((ctx, store) => json({ contact: contact(store, ctx.params.id) })),
			)
			// UpdateContactDto only: a locationId or companyName in an update body is refused ("property companyName should not exist").
			.put(
				'/contacts/:id',
				route((ctx, store, body) => {
					const existing = contact(store, ctx.params.id);
					return json({ succeded: true, contact: store.updateContact(existing, store.contactPatch(body, UPDATE_FIELDS, existing), now()) });
				}),
			)
			.delete(
				'/contacts/:id',
				route((ctx, store) => {
					store.contacts.delete(contact(store, ctx.params.id).id);
					return json({ succeded: true });
				}),
			)
			.post(
				'/contacts/:id/tags',
				route((ctx, store, body) => {
					const existing = contact(store, ctx.params.id);
					const tags = [...new Set([...existing.tags, ...tagList(body)])];
					return json({ tags: store.updateContact(existing, { tags }, now()).tags });
				}),
			)
			.delete(
				'/contacts/:id/tags',
				route((ctx, store, body) => {
					const existing = contact(store, ctx.params.id);
					const remove = new Set(tagList(body));
					return json({ tags: store.updateContact(existing, { tags: existing.tags.filter((tag) => !remove.has(tag)) }, now()).tags });
				}),
			)
			.get(
				'/opportunities/pipelines',
				route((_ctx, store) => json({ pipelines: store.pipelines.map((p) => ({ ...p, locationId: store.location.id })) })),
			)
			.get(
				'/opportunities/search',
				route((ctx, store) => {
					if (!ctx.query.get('location_id')) throw validationError(['location_id should not be empty']);
					return json(searchOpportunities(store.opportunities.list(), ctx.query, `${ctx.origin}${PROVIDER_PREFIX[api]}`));
				}),
			)
			.post(
				'/opportunities',
				route((_ctx, store, body) => {
					refuseExtraProperties(body, OPPORTUNITY_CREATE_FIELDS);
					requireLocation(body);
					return json({ opportunity: store.createOpportunity(body, now()) }, 201);
				}),
			)
			.get(
				'/opportunities/:id',
				route((ctx, store) => json({ opportunity: opportunity(store, ctx.params.id) })),
			)
			.put(
				'/opportunities/:id',
				route((ctx, store, body) => {
					const existing = opportunity(store, ctx.params.id);
					refuseExtraProperties(body, OPPORTUNITY_UPDATE_FIELDS);
					const updated = { ...existing, ...store.opportunityPatch(body, existing), updatedAt: now() };
					return json({ opportunity: store.opportunities.replace(updated) ?? updated });
				}),
			)
			.delete(
				'/opportunities/:id',
				route((ctx, store) => {
					store.opportunities.delete(opportunity(store, ctx.params.id).id);
					return json({ succeded: true });
				}),
			);
	}

	/** `{ locationId?, settings?, contacts?: [...], opportunities?: [...] }`, through the same rules as the API. */
	seed(records: unknown): void {
		if (!isRecord(records)) throw new HttpError(400, { error: 'Expected { locationId?, settings?, contacts?, opportunities? }' });
		const store = this.state.location(optString(records.locationId) ?? this.core.config().goHighLevel.locationId);
		if (isRecord(records.settings)) Object.assign(store.location.settings, records.settings);
		const now = new Date(this.core.now()).toISOString();
		const list = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);
		for (const input of list(records.contacts)) store.upsertContact(store.contactPatch(input, UPSERT_FIELDS), now);
		for (const input of list(records.opportunities)) store.createOpportunity(input, now);
	}

	dump(): unknown {
		return {
			locations: this.state.all().map((store) => ({
				location: store.location,
				contacts: store.contacts.list(),
				opportunities: store.opportunities.list(),
				pipelines: store.pipelines,
				tasks: store.tasks.list(),
				notes: store.notes.list(),
				calendars: store.calendars,
				appointments: store.appointments.list(),
				workflows: store.workflows.map((workflow) => ({ ...workflow, contactIds: [...(store.enrollments.get(workflow.id) ?? [])] })),
			})),
			activeSessionTokens: this.auth.sessionTokens.active().length,
		};
	}

	reset(): void {
		this.state.clear();
		this.auth.sessionTokens.clear();
	}

	expireTokens(): void {
		this.auth.sessionTokens.expireAll();
	}

	revokeTokens(): void {
		this.auth.sessionTokens.revokeAll();
	}
}
