/**
 * HaloPSA's entities: the store, each entity's list key and filters, and the rules a saved record must
 * follow. POST saves a whole batch or nothing (a refused element refuses the request), which is what
 * our client's bisecting retry is written against.
 */
import { HALO_BODY_FIELDS } from './halopsa-fields';
import { HttpError, isRecord, optBool, optNumber, optString } from './http-util';
import { numericIds, Table } from './store';

export interface HaloCustomField {
	id: number;
	name: string;
	value: unknown;
}

export interface HaloRecord {
	id: number;
	customfields?: HaloCustomField[];
	[field: string]: unknown;
}

export const HALO_ENTITIES = [
	'Client',
	'Users',
	'Site',
	'Tickets',
	'Opportunities',
	'Agent',
	'TicketType',
	'FieldInfo',
	'Webhook',
	'Notification',
	'Actions',
	'Quotation',
	'Asset',
	'ClientContract',
	'Appointment',
] as const;
export type HaloEntity = (typeof HALO_ENTITIES)[number];

export function isHaloEntity(value: string): value is HaloEntity {
	return (HALO_ENTITIES as readonly string[]).includes(value);
}

export const CLOSED_STATUS_ID = 9;
export const OPPORTUNITY_TICKET_TYPE_ID = 4;

export class HaloState {
	readonly clients = new Table<HaloRecord>(numericIds);
	readonly users = new Table<HaloRecord>(numericIds);
	readonly sites = new Table<HaloRecord>(numericIds);
	readonly tickets = new Table<HaloRecord>(numericIds);
	readonly opportunities = new Table<HaloRecord>(numericIds);
	readonly agents = new Table<HaloRecord>(numericIds);
	readonly ticketTypes = new Table<HaloRecord>(numericIds);
	readonly fieldInfo = new Table<HaloRecord>(numericIds);
	readonly webhooks = new Table<HaloRecord>(numericIds);
	readonly notifications = new Table<HaloRecord>(numericIds);
	readonly actions = new Table<HaloRecord>(numericIds);
	readonly quotes = new Table<HaloRecord>(numericIds);
	readonly assets = new Table<HaloRecord>(numericIds);
	readonly contracts = new Table<HaloRecord>(numericIds);
	readonly appointments = new Table<HaloRecord>(numericIds);

	table(entity: HaloEntity): Table<HaloRecord> {
		return this[ENTITY_DEFS[entity].table];
	}

	/** Empties every table and puts back the agents, ticket types and custom field definitions. */
	reset(): void {
		for (const entity of HALO_ENTITIES) this.table(entity).clear();
		for (const agent of [
			{ name: 'API Agent', email: 'api-agent@halo.example', isapiagent: true },
			{ name: 'Alex Morgan', email: 'alex.morgan@halo.example', isapiagent: false },
			{ name: 'Sam Rivera', email: 'sam.rivera@halo.example', isapiagent: false },
		])
			this.agents.insert({ ...agent, inactive: false });
		for (const name of ['Incident', 'Service Request', 'Lead', 'Opportunity']) this.ticketTypes.insert({ name });
		for (const [id, name, label, type] of [
			[201, 'CFLinkedInUrl', 'LinkedIn URL', 'text'],
			[202, 'CFLeadSource', 'Lead Source', 'text'],
			[203, 'CFSeniority', 'Seniority', 'text'],
			[204, 'CFEnrichedAt', 'Enriched At', 'date'],
			[205, 'CFSentToDialer', 'Sent to Dialer', 'text'],
		] as const)
			this.fieldInfo.insert({ id, name, label, type });
	}
}

type TableKey = {
	[K in keyof HaloState]: HaloState[K] extends Table<HaloRecord> ? K : never;
}[keyof HaloState];

interface EntityDef {
	table: TableKey;
	/** Key of the list in `GET /{Entity}` answers. */
	listKey: string;
	search: string[];
	/** Query parameters that filter by equality on the field of the same name. */
	equalityFilters: string[];
	/** Records carry `inactive` (false when created) and lists hide inactive ones unless `includeinactive=true`. */
	hasInactive: boolean;
	/** False where HaloPSA documents no paging (`GET /Actions`): every match comes back whatever `pageinate` says. */
	pages?: false;
	/** The entity's other list filters; true keeps the record. */
	filter?(record: HaloRecord, query: URLSearchParams): boolean;
	/** Checks a merged record and fills defaults; returns why it is refused. */
	prepare(record: HaloRecord, state: HaloState, isNew: boolean): string | undefined;
}

const requireName = (record: HaloRecord): string | undefined => (optString(record.name) ? undefined : 'name is required');

/** The record's client, which must exist; or why not. */
function requireClient(record: HaloRecord, state: HaloState): HaloRecord | string {
	const client = state.clients.get(optNumber(record.client_id));
	if (!client) return `client_id ${String(record.client_id ?? '(missing)')} does not exist`;
	record.client_id = client.id;
	return client;
}

const isSet = (value: unknown) => value !== undefined && value !== null;

/** The first field naming a record none of its tables holds (a ticket id may be a ticket's or an opportunity's). */
function missingReference(record: HaloRecord, references: Array<[field: string, tables: Array<Table<HaloRecord>>]>): string | undefined {
	const missing = references.find(
		([field, tables]) => isSet(record[field]) && !tables.some((table) => table.get(optNumber(record[field]))),
	);
	return missing && `${missing[0]} ${String(record[missing[0]])} does not exist`;
}

const ticketsOf = (state: HaloState) => [state.tickets, state.opportunities];

/** A site given with a client must be that client's. */
function siteOfClient(record: HaloRecord, state: HaloState, client: HaloRecord): string | undefined {
	if (!isSet(record.site_id)) return undefined;
	const site = state.sites.get(optNumber(record.site_id));
	return site && site.client_id === client.id ? undefined : `site_id ${String(record.site_id)} does not belong to client ${client.id}`;
}

function prepareUser(record: HaloRecord, state: HaloState): string | undefined {
	if (!optString(record.name)) {
		const full = [optString(record.firstname), optString(record.surname)].filter(Boolean).join(' ');
		if (!full) return 'name (or firstname/surname) is required';
		record.name = full;
	}
	const client = requireClient(record, state);
	if (typeof client === 'string') return client;
	record.site_id ??= client.main_site_id;
	const site = state.sites.get(optNumber(record.site_id));
	if (!site || site.client_id !== client.id) return `site_id ${String(record.site_id)} does not belong to client ${client.id}`;
	record.site_id = site.id;
	record.client_name = client.name;
	record.site_name = site.name;
	return undefined;
}

function prepareSite(record: HaloRecord, state: HaloState): string | undefined {
	if (!optString(record.name)) return 'name is required';
	const client = requireClient(record, state);
	return typeof client === 'string' ? client : undefined;
}

function ticketPreparer(defaultType: number): EntityDef['prepare'] {
	return (record, state, isNew) => {
		if (!optString(record.summary)) return 'summary is required';
		if (isNew) {
			record.tickettype_id ??= defaultType;
			record.status_id ??= 1;
			record.dateoccurred ??= new Date().toISOString();
		}
		if (!state.ticketTypes.get(optNumber(record.tickettype_id))) return `tickettype_id ${String(record.tickettype_id)} does not exist`;
		return missingReference(record, [
			['client_id', [state.clients]],
			['user_id', [state.users]],
			['agent_id', [state.agents]],
		]);
	};
}

/** An action belongs to a ticket (or an opportunity, which HaloPSA keeps as a ticket). */
function prepareAction(record: HaloRecord, state: HaloState, isNew: boolean): string | undefined {
	if (!isSet(record.ticket_id)) return 'ticket_id is required';
	const missing = missingReference(record, [['ticket_id', ticketsOf(state)]]);
	if (missing) return missing;
	if (isNew) record.datetime ??= new Date().toISOString();
	return undefined;
}

function prepareQuote(record: HaloRecord, state: HaloState, isNew: boolean): string | undefined {
	const client = requireClient(record, state);
	if (typeof client === 'string') return client;
	record.client_name = client.name;
	const wrong =
		siteOfClient(record, state, client) ??
		missingReference(record, [
			['user_id', [state.users]],
			['ticket_id', ticketsOf(state)],
			['agent_id', [state.agents]],
		]);
	if (wrong) return wrong;
	if (isNew) record.date ??= new Date().toISOString();
	return undefined;
}

/** An asset stands at a site; its client is the site's. */
function prepareAsset(record: HaloRecord, state: HaloState): string | undefined {
	const site = state.sites.get(optNumber(record.site_id));
	if (!site) return `site_id ${String(record.site_id ?? '(missing)')} does not exist`;
	if (isSet(record.client_id) && optNumber(record.client_id) !== site.client_id)
		return `site_id ${site.id} does not belong to client ${String(record.client_id)}`;
	Object.assign(record, { site_id: site.id, site_name: site.name, client_id: site.client_id });
	record.client_name = state.clients.get(optNumber(site.client_id))?.name;
	return undefined;
}

/** Why a record is refused when it ends before it starts; either date may be absent. */
function dateOrder(record: HaloRecord, start: string, end: string): string | undefined {
	const [from, to] = [Date.parse(String(record[start])), Date.parse(String(record[end]))];
	return to < from ? `${end} is before ${start}` : undefined;
}

function prepareContract(record: HaloRecord, state: HaloState): string | undefined {
	const client = requireClient(record, state);
	if (typeof client === 'string') return client;
	record.client_name = client.name;
	return siteOfClient(record, state, client) ?? dateOrder(record, 'start_date', 'end_date');
}

function prepareAppointment(record: HaloRecord, state: HaloState): string | undefined {
	if (!optString(record.subject)) return 'subject is required';
	for (const field of ['start_date', 'end_date'])
		if (Number.isNaN(Date.parse(String(record[field] ?? '')))) return `${field} is required, as a date`;
	return (
		dateOrder(record, 'start_date', 'end_date') ??
		missingReference(record, [
			['agent_id', [state.agents]],
			['client_id', [state.clients]],
			['site_id', [state.sites]],
			['user_id', [state.users]],
			['ticket_id', ticketsOf(state)],
		])
	);
}

/** `agents` (comma-separated ids: those agents' appointments) and `start_date` (starting after it), as GET /Appointment documents them. */
function appointmentFilter(record: HaloRecord, query: URLSearchParams): boolean {
	const agents = query
		.get('agents')
		?.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	const after = Date.parse(query.get('start_date') ?? '');
	return (
		(!agents || agents.length === 0 || agents.includes(String(record.agent_id))) &&
		(Number.isNaN(after) || Date.parse(String(record.start_date)) > after)
	);
}

/** `importantonly` and `excludeprivate` of GET /Actions; every action here is an agent's, none a system one. */
function actionFilter(record: HaloRecord, query: URLSearchParams): boolean {
	return (
		(optBool(query.get('importantonly')) !== true || record.important === true) &&
		(optBool(query.get('excludeprivate')) !== true || record.hiddenfromuser !== true)
	);
}

function prepareNotification(record: HaloRecord, state: HaloState): string | undefined {
	if (!state.webhooks.get(optNumber(record.webhook_id))) return `webhook_id ${String(record.webhook_id)} does not exist`;
	return optNumber(record.eventno) === undefined ? 'eventno is required' : undefined;
}

const noFilters = { equalityFilters: [] as string[], hasInactive: false };

export const ENTITY_DEFS: Record<HaloEntity, EntityDef> = {
	Client: {
		table: 'clients',
		listKey: 'clients',
		search: ['name', 'website'],
		equalityFilters: ['toplevel_id'],
		hasInactive: true,
		prepare: requireName,
	},
	Users: {
		table: 'users',
		listKey: 'users',
		search: ['name', 'emailaddress', 'jobtitle'],
		equalityFilters: ['client_id', 'site_id'],
		hasInactive: true,
		prepare: prepareUser,
	},
	Site: { table: 'sites', listKey: 'sites', search: ['name'], equalityFilters: ['client_id'], hasInactive: true, prepare: prepareSite },
	Tickets: {
		table: 'tickets',
		listKey: 'tickets',
		search: ['summary', 'details'],
		equalityFilters: ['client_id', 'user_id', 'requesttype_id'],
		hasInactive: true,
		prepare: ticketPreparer(1),
	},
	// HaloPSA answers /Opportunities under `tickets`: opportunities are tickets of a CRM type.
	Opportunities: {
		table: 'opportunities',
		listKey: 'tickets',
		search: ['summary', 'details'],
		equalityFilters: ['client_id', 'user_id', 'requesttype_id'],
		hasInactive: true,
		prepare: ticketPreparer(OPPORTUNITY_TICKET_TYPE_ID),
	},
	Agent: { table: 'agents', listKey: 'agents', search: ['name', 'email'], equalityFilters: [], hasInactive: true, prepare: requireName },
	TicketType: { table: 'ticketTypes', listKey: 'tickettypes', search: ['name'], ...noFilters, prepare: requireName },
	FieldInfo: { table: 'fieldInfo', listKey: 'fieldinfo', search: ['name', 'label'], ...noFilters, prepare: requireName },
	Webhook: {
		table: 'webhooks',
		listKey: 'webhooks',
		search: ['name', 'url'],
		...noFilters,
		prepare: (record) => (optString(record.url) ? undefined : 'url is required'),
	},
	Notification: { table: 'notifications', listKey: 'notifications', search: ['name'], ...noFilters, prepare: prepareNotification },
	// GET /Actions documents neither paging nor search.
	Actions: {
		table: 'actions',
		listKey: 'actions',
		search: [],
		equalityFilters: ['ticket_id'],
		hasInactive: false,
		pages: false,
		filter: actionFilter,
		prepare: prepareAction,
	},
	Quotation: {
		table: 'quotes',
		listKey: 'quotes',
		search: ['title'],
		equalityFilters: ['client_id', 'site_id', 'user_id', 'ticket_id'],
		hasInactive: false,
		prepare: prepareQuote,
	},
	Asset: {
		table: 'assets',
		listKey: 'assets',
		search: ['inventory_number', 'key_field'],
		equalityFilters: ['client_id', 'site_id', 'assettype_id'],
		hasInactive: true,
		prepare: prepareAsset,
	},
	ClientContract: {
		table: 'contracts',
		listKey: 'contracts',
		search: ['ref'],
		equalityFilters: ['client_id', 'site_id'],
		hasInactive: false,
		prepare: prepareContract,
	},
	Appointment: {
		table: 'appointments',
		listKey: 'appointments',
		search: ['subject', 'note'],
		equalityFilters: ['client_id', 'ticket_id'],
		hasInactive: false,
		filter: appointmentFilter,
		prepare: prepareAppointment,
	},
};

/** Custom fields come by id or by name; they are stored resolved and merged by id. */
function mergeCustomFields(state: HaloState, existing: HaloCustomField[], input: unknown): HaloCustomField[] | string {
	if (!Array.isArray(input)) return 'customfields must be an array';
	const merged = new Map(existing.map((field) => [field.id, field]));
	for (const item of input) {
		if (!isRecord(item)) return 'customfields entries must be objects';
		const byId = optNumber(item.id);
		const name = optString(item.name)?.toLowerCase();
		const definition = byId !== undefined ? state.fieldInfo.get(byId) : state.fieldInfo.find((f) => String(f.name).toLowerCase() === name);
		if (!definition) return `custom field ${String(item.id ?? item.name)} does not exist`;
		merged.set(definition.id, { id: definition.id, name: String(definition.name), value: item.value ?? null });
	}
	return [...merged.values()];
}

function refuse(entity: HaloEntity, index: number, reason: string): HttpError {
	return new HttpError(400, { ClassName: 'System.Exception', message: `${entity}[${index}]: ${reason}` });
}

function unknownFields(entity: HaloEntity, item: Record<string, unknown>): string | undefined {
	const unknown = Object.keys(item).filter((field) => !HALO_BODY_FIELDS[entity].has(field));
	return unknown.length === 0 ? undefined : `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`;
}

export interface SaveOptions {
	/** Refuse fields outside HaloPSA's documented model of the entity (halopsa-fields.ts). */
	refuseUnknownFields: boolean;
}

/** Validates every element first, then writes them all: one refusal leaves the store untouched. */
export function saveBatch(state: HaloState, entity: HaloEntity, body: unknown, options: SaveOptions): HaloRecord[] {
	if (!Array.isArray(body)) {
		throw new HttpError(400, { ClassName: 'System.Exception', message: `${entity}: the request body must be a JSON array` });
	}
	const def = ENTITY_DEFS[entity];
	const table = state.table(entity);
	const prepared = body.map((item, index) => {
		if (!isRecord(item)) throw refuse(entity, index, 'each element must be an object');
		const unknown = options.refuseUnknownFields ? unknownFields(entity, item) : undefined;
		if (unknown) throw refuse(entity, index, unknown);
		const id = optNumber(item.id);
		const existing = id === undefined || id <= 0 ? undefined : table.get(id);
		if (id !== undefined && id > 0 && !existing) throw refuse(entity, index, `id ${id} does not exist`);
		const { id: _ignored, ...fields } = item;
		const record: HaloRecord = { ...(existing ?? { id: 0, ...(def.hasInactive ? { inactive: false } : {}) }), ...fields };
		if (item.customfields !== undefined) {
			const merged = mergeCustomFields(state, existing?.customfields ?? [], item.customfields);
			if (typeof merged === 'string') throw refuse(entity, index, merged);
			record.customfields = merged;
		}
		const reason = def.prepare(record, state, !existing);
		if (reason) throw refuse(entity, index, reason);
		return { record, isNew: !existing };
	});
	return prepared.map(({ record, isNew }) => {
		if (!isNew) return table.replace(record) ?? record;
		const { id: _unset, ...fields } = record;
		const saved = table.insert(fields);
		if (entity === 'Client') {
			const site = state.sites.insert({ name: 'Main', client_id: saved.id, inactive: false });
			saved.main_site_id = site.id;
		}
		return saved;
	});
}
