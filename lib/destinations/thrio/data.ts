import type { IDataObject } from 'n8n-workflow';

import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import { thrioProfile } from './profile';

/** A Thrio data object (contact, commconsent, outbound list, lead) as the API sends it. */
export type ThrioRecord = IDataObject & { id?: string };

/**
 * Rows asked per list request. Thrio documents no maximum; paging advances by what actually
 * came back, so a server that serves fewer rows than asked is still read to the end.
 */
export const THRIO_PAGE_SIZE = 1000;

export const typePath = (type: string, id?: string) => `/data/api/types/${type}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

export function recordsOf(value: unknown): ThrioRecord[] {
	return Array.isArray(value) ? value.filter((entry): entry is ThrioRecord => entry !== null && typeof entry === 'object') : [];
}

export interface ThrioPage {
	objects: ThrioRecord[];
	total: number;
}

/** One page of a type: `q` is `field:value` or free text; `start` is 0-based. */
export async function listPage(
	ctx: TransportContext,
	type: string,
	query: { q?: string; rows: number; start: number },
	options?: CallOptions,
): Promise<ThrioPage> {
	const body = await callJson<{ objects: unknown; total: number }>(
		ctx,
		thrioProfile,
		{ method: 'GET', path: typePath(type), qs: { q: query.q, rows: query.rows, start: query.start } },
		options,
	);
	const objects = recordsOf(body.objects);
	return { objects, total: typeof body.total === 'number' ? body.total : query.start + objects.length };
}

/** Every object matching `q` from `start` (or the first `limit`), page after page. */
export async function listAll(
	ctx: TransportContext,
	type: string,
	q: string | undefined,
	limit = Infinity,
	options?: CallOptions & { start?: number; pageSize?: number },
): Promise<ThrioRecord[]> {
	const pageSize = Math.max(1, Math.min(options?.pageSize ?? THRIO_PAGE_SIZE, limit));
	const found: ThrioRecord[] = [];
	for (let start = options?.start ?? 0; found.length < limit;) {
		const page = await listPage(ctx, type, { q, rows: Math.min(pageSize, limit - found.length), start }, options);
		found.push(...page.objects);
		start += page.objects.length;
		if (page.objects.length === 0 || start >= page.total) break;
	}
	return found.slice(0, limit);
}

export async function getObject(ctx: TransportContext, type: string, id: string, options?: CallOptions): Promise<ThrioRecord> {
	return await callJson<ThrioRecord>(ctx, thrioProfile, { method: 'GET', path: typePath(type, id) }, options);
}

export async function createObject(
	ctx: TransportContext,
	type: string,
	fields: IDataObject,
	options?: CallOptions & { repeatable?: boolean },
): Promise<ThrioRecord> {
	return await callJson<ThrioRecord>(
		ctx,
		thrioProfile,
		{ method: 'POST', path: typePath(type), body: fields, idempotent: options?.repeatable ?? false },
		options,
	);
}

export async function updateObject(
	ctx: TransportContext,
	type: string,
	id: string,
	fields: IDataObject,
	options?: CallOptions,
): Promise<ThrioRecord> {
	return await callJson<ThrioRecord>(ctx, thrioProfile, { method: 'PUT', path: typePath(type, id), body: fields }, options);
}
