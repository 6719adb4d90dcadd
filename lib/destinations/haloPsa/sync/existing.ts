import type { IDataObject } from 'n8n-workflow';

import { HALO_MAX_PAGE_SIZE, listAll, listPage } from '../api';
import type { HaloEntity, HaloRecord } from '../entities';
import type { CallOptions } from '../../../transport';
import type { TransportContext } from '../../../transport';

/**
 * HaloPSA lists only active records unless asked for inactive ones too; a deactivated record is
 * still there, so the sync must see it or it would create it again.
 */
export const WITH_INACTIVE: IDataObject = { includeinactive: true };

/**
 * The records of some clients, inactive ones included, in the fewest requests: one pass over the
 * whole list when that takes fewer pages than asking client by client, else client by client. The
 * first page tells how many records there are in all.
 */
export async function recordsOfClients(
	ctx: TransportContext,
	entity: HaloEntity,
	clientIds: Set<number>,
	filters: IDataObject,
	options?: CallOptions,
): Promise<HaloRecord[]> {
	if (clientIds.size === 0) return [];
	const query = { ...filters, ...WITH_INACTIVE };
	const first = await listPage(ctx, entity, query, 1, HALO_MAX_PAGE_SIZE, options);
	const pages = Math.ceil(first.total / HALO_MAX_PAGE_SIZE);
	let records: HaloRecord[];
	if (pages <= clientIds.size + 1) {
		records = [...first.records];
		for (let pageNo = 2; pageNo <= pages; pageNo++)
			records.push(...(await listPage(ctx, entity, query, pageNo, HALO_MAX_PAGE_SIZE, options)).records);
	} else {
		records = [];
		for (const clientId of clientIds) records.push(...(await listAll(ctx, entity, { ...query, client_id: clientId }, Infinity, options)));
	}
	return records.filter((record) => clientIds.has(Number(record.client_id)));
}
