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
	/** The number of matching records HaloPSA reports. */
	total: number;
}

function recordsOf(entity: HaloEntity, body: unknown): HaloPage {
	const object = body !== null && typeof body === 'object' ? (body as IDataObject) : {};
	const list = object[HALO_ENTITIES[entity].listKey];
	const records = Array.isArray(list) ? (list as HaloRecord[]) : [];
	return { records, total: typeof object.record_count === 'number' ? object.record_count : records.length };
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
	return recordsOf(entity, body);
}

/** Every record matching the filters (or the first `limit`), following the pages to the last. */
export async function listAll(
	ctx: TransportContext,
	entity: HaloEntity,
	filters: IDataObject = {},
	limit = Infinity,
	options?: CallOptions,
): Promise<HaloRecord[]> {
	const records: HaloRecord[] = [];
	const pageSize = Math.min(HALO_MAX_PAGE_SIZE, limit);
	for (let pageNo = 1; records.length < limit; pageNo++) {
		const page = await listPage(ctx, entity, filters, pageNo, pageSize, options);
		records.push(...page.records.slice(0, limit - records.length));
		if (page.records.length < pageSize || pageNo * pageSize >= page.total) break;
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
