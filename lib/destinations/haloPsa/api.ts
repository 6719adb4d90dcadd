import type { IDataObject } from 'n8n-workflow';

import type { TransportContext } from '../../transport';
import { call } from '../../transport';
import type { CallOptions } from '../../transport';
import { HALO_ENTITIES } from './entities';
import type { HaloEntity, HaloRecord } from './entities';
import { haloPsaProfile } from './profile';

/** HaloPSA's largest practical page; bigger pages mean fewer of the 450 requests per 5 minutes. */
export const HALO_MAX_PAGE_SIZE = 100;

export interface HaloPage {
	records: HaloRecord[];
	/**
	 * The number of matching records HaloPSA reports (`record_count`). An answer without one tells
	 * only what its page shows: a page shorter or longer than asked for ends the list (longer: HaloPSA
	 * did not page it), so the total is what has been seen; after a full page it is `Infinity`, as
	 * more may follow.
	 */
	total: number;
}

const isRecord = (value: unknown): value is HaloRecord => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A list answer in either of HaloPSA's shapes: `{record_count, <list key>: [...]}` (Client, Users,
 * Site, Tickets, and these entities when paged) or a plain array, as n8n's own HaloPSA node reads
 * `GET /TicketType` and `GET /Agent`.
 */
function recordsOf(entity: HaloEntity, body: unknown, pageNo: number, pageSize: number): HaloPage {
	const object = isRecord(body) ? body : {};
	const list = Array.isArray(body) ? body : object[HALO_ENTITIES[entity].listKey];
	const records = Array.isArray(list) ? list.filter(isRecord) : [];
	if (typeof object.record_count === 'number') return { records, total: object.record_count };
	const seen = (pageNo - 1) * pageSize + records.length;
	return { records, total: records.length === pageSize ? Infinity : seen };
}

/** One page of a list (1-based), with HaloPSA's own filters (`search`, `client_id`, `order`...). */
export async function listPage(
	ctx: TransportContext,
	entity: HaloEntity,
	filters: IDataObject,
	pageNo: number,
	pageSize: number,
	options?: CallOptions,
): Promise<HaloPage> {
	const { body } = await call(
		ctx,
		haloPsaProfile,
		{ method: 'GET', path: HALO_ENTITIES[entity].path, qs: { ...filters, pageinate: true, page_size: pageSize, page_no: pageNo } },
		options,
	);
	return recordsOf(entity, body, pageNo, pageSize);
}

/**
 * Every record matching the filters (or the first `limit`), following the pages to the last: a
 * short page, the reported total, or, for an answer that does not page (the whole list each time), a
 * page longer than asked for or one holding only records already read. A record read twice (the
 * list moved between pages) is kept once. `keep` filters what HaloPSA cannot: the records it passes
 * over do not count towards the limit, so further pages are read to make up for them.
 */
export async function listAll(
	ctx: TransportContext,
	entity: HaloEntity,
	filters: IDataObject = {},
	limit = Infinity,
	options?: CallOptions,
	keep?: (record: HaloRecord) => boolean,
): Promise<HaloRecord[]> {
	const records: HaloRecord[] = [];
	const ids = new Set<unknown>();
	const pageSize = keep ? HALO_MAX_PAGE_SIZE : Math.min(HALO_MAX_PAGE_SIZE, limit);
	for (let pageNo = 1; records.length < limit; pageNo++) {
		const page = await listPage(ctx, entity, filters, pageNo, pageSize, options);
		const fresh = page.records.filter((record) => record.id === undefined || !ids.has(record.id));
		if (page.records.length > 0 && fresh.length === 0) break;
		for (const record of fresh) ids.add(record.id);
		records.push(...(keep ? fresh.filter(keep) : fresh).slice(0, limit - records.length));
		if (page.records.length !== pageSize || (pageNo - 1) * pageSize + page.records.length >= page.total) break;
	}
	return records;
}

/** One record, or undefined when HaloPSA has no such id. */
export async function getOne(
	ctx: TransportContext,
	entity: HaloEntity,
	id: number | string,
	qs: IDataObject = {},
	options?: CallOptions,
): Promise<HaloRecord | undefined> {
	const response = await call<HaloRecord>(
		ctx,
		haloPsaProfile,
		{ method: 'GET', path: `${HALO_ENTITIES[entity].path}/${id}`, qs, acceptStatuses: [404] },
		options,
	);
	return response.status === 404 ? undefined : response.body;
}

/**
 * Creates and updates in one request: HaloPSA takes an array, where an element with `id` updates
 * and one without creates. A write whose answer is lost fails with `outcomeUnknown` and is not
 * sent again here: the caller looks up what was written (see the sync's reconciliation).
 */
export async function saveBatch(
	ctx: TransportContext,
	entity: HaloEntity,
	records: HaloRecord[],
	options?: CallOptions,
): Promise<HaloRecord[]> {
	const { body } = await call<HaloRecord | HaloRecord[]>(
		ctx,
		haloPsaProfile,
		{ method: 'POST', path: HALO_ENTITIES[entity].path, body: records as IDataObject[] },
		options,
	);
	// A one-element batch may come back as the record itself.
	return Array.isArray(body) ? body : body !== null && typeof body === 'object' ? [body] : [];
}

export async function deleteOne(ctx: TransportContext, entity: HaloEntity, id: number | string, options?: CallOptions): Promise<void> {
	await call(ctx, haloPsaProfile, { method: 'DELETE', path: `${HALO_ENTITIES[entity].path}/${id}` }, options);
}
