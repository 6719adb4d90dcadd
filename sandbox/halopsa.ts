/** HaloPSA provider: resources under `/api` for both the hosted and the on-premise prefix, one store. */
import { guarded, type ApiRouters, type Guard, type ProviderModule, type SandboxCore } from './core';
import { HaloAuth, type HaloPrincipal } from './halopsa-auth';
import {
	CLOSED_STATUS_ID,
	ENTITY_DEFS,
	HALO_ENTITIES,
	HaloState,
	isHaloEntity,
	saveBatch,
	type HaloEntity,
	type HaloRecord,
} from './halopsa-entities';
import { HALO_BODY_FIELDS } from './halopsa-fields';
import { HttpError, isRecord, json, optBool, optNumber, type Reply } from './http-util';
import { matchesText, orderBy, pageOf } from './paging';
import type { RequestContext } from './router';

export type { HaloRecord } from './halopsa-entities';

const PHONE_FIELDS = ['phonenumber', 'mobilenumber', 'phonenumber_preferred'];

/**
 * Lists that answer a plain array when not paged, as n8n's own HaloPSA node reads them (it sends no
 * paging parameters to `GET /TicketType` or `GET /agent`). Other lists answer `{record_count, <key>}`.
 */
const ARRAY_WHEN_UNPAGED: ReadonlySet<HaloEntity> = new Set(['Agent', 'TicketType']);

/**
 * How a list answers, overriding the default above (which of HaloPSA's lists answer arrays, and
 * whether they page, is undocumented): `pagedArray` pages with `pageinate` but answers the page as
 * a plain array with no `record_count`; `wholeArray` ignores the paging parameters and answers every
 * match as a plain array.
 */
export type HaloListShape = 'pagedArray' | 'wholeArray';

/** HaloPSA filters tickets by `requesttype_id`, its name for the ticket type a ticket holds as `tickettype_id`. */
const RECORD_FIELD: Record<string, string> = { requesttype_id: 'tickettype_id' };

/** `includeactive`/`includeinactive` as HaloPSA reads them: active only unless told otherwise. */
function activeFilter(query: URLSearchParams): (record: HaloRecord) => boolean {
	const includeActive = optBool(query.get('includeactive')) ?? true;
	const includeInactive = optBool(query.get('includeinactive')) ?? false;
	return (record) => (record.inactive === true ? includeInactive : includeActive);
}

function listRecords(
	state: HaloState,
	entity: HaloEntity,
	query: URLSearchParams,
	shape: HaloListShape | undefined,
	withCustomFields: boolean,
): Reply {
	const def = ENTITY_DEFS[entity];
	const searchFields = entity === 'Users' && optBool(query.get('search_phonenumbers')) ? [...def.search, ...PHONE_FIELDS] : def.search;
	const isActive = activeFilter(query);
	const openOnly = optBool(query.get('open_only')) === true;
	// Users never holds agents here, so `excludeagents` needs no filtering.
	let records = state
		.table(entity)
		.list()
		.filter(
			(record) =>
				(!def.hasInactive || isActive(record)) &&
				def.equalityFilters.every((filter) => !query.has(filter) || String(record[RECORD_FIELD[filter] ?? filter]) === query.get(filter)) &&
				(!openOnly || record.status_id !== CLOSED_STATUS_ID) &&
				(def.filter?.(record, query) ?? true) &&
				// A list without a documented search ignores the parameter.
				(searchFields.length === 0 ||
					matchesText(
						searchFields.map((field) => record[field]),
						query.get('search') ?? undefined,
					)),
		);
	records = orderBy(records, query.get('order') ?? undefined, optBool(query.get('orderdesc')) === true);
	if (withCustomFields && HALO_BODY_FIELDS[entity].has('customfields'))
		records = records.map((record) => ({ customfields: [], ...record }));
	const count = optNumber(query.get('count'));
	if (count !== undefined && count >= 0) records = records.slice(0, count);
	if (optBool(query.get('pageinate')) !== true || shape === 'wholeArray' || def.pages === false) {
		return json(shape !== undefined || ARRAY_WHEN_UNPAGED.has(entity) ? records : { record_count: records.length, [def.listKey]: records });
	}
	const pageSize = optNumber(query.get('page_size')) ?? 50;
	const pageNo = optNumber(query.get('page_no')) ?? 1;
	if (pageSize < 1 || pageNo < 1)
		throw new HttpError(400, { ClassName: 'System.Exception', message: 'page_size and page_no must be positive' });
	const page = pageOf(records, pageNo, pageSize);
	if (shape === 'pagedArray') return json(page);
	return json({ page_no: pageNo, page_size: pageSize, record_count: records.length, [def.listKey]: page });
}

function findRecord(state: HaloState, entity: HaloEntity, id: string): HaloRecord {
	const record = state.table(entity).get(id);
	if (!record) throw new HttpError(404, { ClassName: 'System.Exception', message: `${entity} ${id} not found` });
	return record;
}

export class HaloPsaProvider implements ProviderModule {
	readonly name = 'haloPsa' as const;
	readonly state = new HaloState();
	readonly auth: HaloAuth;
	/** Per entity, a list shape other than the default (see `HaloListShape`); emptied by `reset()`. */
	readonly listShapes = new Map<HaloEntity, HaloListShape>();
	private readonly guard: Guard<HaloPrincipal>;

	constructor(private readonly core: SandboxCore) {
		this.auth = new HaloAuth(core);
		this.guard = {
			authenticate: (ctx) => this.auth.authenticate(ctx),
			limit: (_ctx, who) => {
				const { requests, windowMs } = core.config().rateLimits.haloPsa;
				return { key: `haloPsa:${who.clientId}`, windows: [{ name: 'window', limit: requests, windowMs }] };
			},
			rateLimited: this.rateLimited,
		};
		this.state.reset();
	}

	/** HaloPSA documents no rate-limit headers: only the status, so clients must back off on their own. */
	readonly rateLimited = (): HttpError => new HttpError(429, { message: 'Too many requests' });

	register(routers: ApiRouters): void {
		for (const [router, hosted] of [
			[routers.haloPsa, true],
			[routers.haloPsaOnPremise, false],
		] as const) {
			this.auth.register(router, hosted);
			const route = (handler: (ctx: RequestContext, who: HaloPrincipal, entity: HaloEntity) => Reply) =>
				guarded(this.core, this.guard, (ctx, who) => handler(ctx, who, this.entity(ctx.params.entity)));
			router.get(
				'/api/Agent/me',
				guarded(this.core, this.guard, (_ctx, who) => json(findRecord(this.state, 'Agent', String(who.agentId)))),
			);
			router.get(
				'/api/:entity',
				route((ctx, _who, entity) =>
					listRecords(this.state, entity, ctx.query, this.listShapes.get(entity), this.core.config().haloPsa.listCustomFields),
				),
			);
			router.get(
				'/api/:entity/:id',
				route((ctx, _who, entity) => json(findRecord(this.state, entity, ctx.params.id))),
			);
			router.post(
				'/api/:entity',
				route((ctx, _who, entity) => this.save(entity, ctx.body)),
			);
			router.delete(
				'/api/:entity/:id',
				route((ctx, _who, entity) => {
					this.state.table(entity).delete(findRecord(this.state, entity, ctx.params.id).id);
					return { status: 200 };
				}),
			);
		}
	}

	private entity(name: string): HaloEntity {
		if (!isHaloEntity(name)) throw new HttpError(404, { ClassName: 'System.Exception', message: `Unknown resource ${name}` });
		return name;
	}

	private save(entity: HaloEntity, body: unknown): Reply {
		const { singleRecordAsObject, refuseUnknownFields } = this.core.config().haloPsa;
		const saved = saveBatch(this.state, entity, body, { refuseUnknownFields });
		return json(saved.length === 1 && singleRecordAsObject ? saved[0] : saved);
	}

	/** `{ "Client": [...], "Users": [...] }`, saved through the same rules as `POST /api/{Entity}`. */
	seed(records: unknown): void {
		if (!isRecord(records)) throw new HttpError(400, { error: 'Expected an object keyed by entity name' });
		const { refuseUnknownFields } = this.core.config().haloPsa;
		for (const [name, items] of Object.entries(records)) saveBatch(this.state, this.entity(name), items, { refuseUnknownFields });
	}

	dump(): unknown {
		return {
			...Object.fromEntries(HALO_ENTITIES.map((entity) => [ENTITY_DEFS[entity].table, this.state.table(entity).list()])),
			activeTokens: this.auth.accessTokens.active().length,
		};
	}

	reset(): void {
		this.state.reset();
		this.auth.reset();
		this.listShapes.clear();
	}

	expireTokens(): void {
		this.auth.expire();
	}

	revokeTokens(): void {
		this.auth.revoke();
	}
}
