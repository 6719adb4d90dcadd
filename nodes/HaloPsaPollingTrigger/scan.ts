import type { IDataObject } from 'n8n-workflow';

import { HALO_MAX_PAGE_SIZE, listAll, listPage } from '../../lib/destinations/haloPsa';
import type { HaloRecord } from '../../lib/destinations/haloPsa';
import type { TransportContext } from '../../lib/transport';
import type { PolledEntity } from './cursor';

export interface NewestFirst {
	entity: PolledEntity;
	filters: IDataObject;
	/** The field HaloPSA orders by, newest first; `valueOf` reads it as a number. */
	order: string;
	valueOf(record: HaloRecord): number | undefined;
	/** True for a value the previous poll already covered: the scan stops there. */
	isOld(value: number): boolean;
	/** Stop after the first page (a baseline needs only the newest records). */
	firstPageOnly?: boolean;
}

/**
 * Records newest first, stopping at the first one already covered, so a quiet poll costs one
 * request. Undefined when HaloPSA did not return the pages in that order (a version that ignores
 * `order`): the caller then reads everything rather than miss a record.
 */
export async function scanNewestFirst(ctx: TransportContext, scan: NewestFirst): Promise<HaloRecord[] | undefined> {
	const found: HaloRecord[] = [];
	let previous = Infinity;
	for (let pageNo = 1; ; pageNo++) {
		const page = await listPage(ctx, scan.entity, { ...scan.filters, order: scan.order, orderdesc: true }, pageNo, HALO_MAX_PAGE_SIZE);
		// Records without the field sort last in HaloPSA; they are not changes this scan can see.
		const valued = page.records.flatMap((record) => {
			const value = scan.valueOf(record);
			return value === undefined ? [] : [{ record, value }];
		});
		// The whole page is checked before stopping anywhere in it: oldest-first pages would otherwise
		// look like "nothing new" at their first record.
		for (const { value } of valued) {
			if (value > previous) return undefined;
			previous = value;
		}
		for (const { record, value } of valued) {
			if (scan.isOld(value)) return found;
			found.push(record);
		}
		if (scan.firstPageOnly || page.records.length < HALO_MAX_PAGE_SIZE || pageNo * HALO_MAX_PAGE_SIZE >= page.total) return found;
	}
}

/** Every record matching the filters (full scans, content hashing). */
export async function readAll(ctx: TransportContext, entity: PolledEntity, filters: IDataObject): Promise<HaloRecord[]> {
	return await listAll(ctx, entity, filters);
}
