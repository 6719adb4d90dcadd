import type { IDataObject } from 'n8n-workflow';

import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { GhlConnection } from './connection';
import { recordsOf } from './contacts';
import type { GhlPipeline, GhlRecord } from './types';

/** HighLevel's largest opportunity search page. */
export const OPPORTUNITY_PAGE_LIMIT = 100;

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'abandoned'] as const;

const opportunityPath = (id: string) => `/opportunities/${encodeURIComponent(id)}`;

/** A plain create: nothing to find it by if its answer is lost, so it is never sent twice. */
export async function createOpportunity(
	ctx: TransportContext,
	connection: GhlConnection,
	fields: IDataObject,
	options?: CallOptions,
): Promise<GhlRecord> {
	const body = await callJson<{ opportunity: GhlRecord }>(
		ctx,
		connection.profile,
		{ method: 'POST', path: '/opportunities', body: { ...fields, locationId: connection.locationId } },
		options,
	);
	return body.opportunity ?? {};
}

export async function updateOpportunity(
	ctx: TransportContext,
	connection: GhlConnection,
	id: string,
	fields: IDataObject,
	options?: CallOptions,
): Promise<GhlRecord> {
	const body = await callJson<{ opportunity: GhlRecord }>(
		ctx,
		connection.profile,
		{ method: 'PUT', path: opportunityPath(id), body: fields },
		options,
	);
	return body.opportunity ?? {};
}

/** Filters in HighLevel's query names: `pipeline_id`, `pipeline_stage_id`, `status`, `contact_id`, `q`. */
export type OpportunityFilters = IDataObject;

/**
 * Every opportunity matching the filters (or the first `limit`), following the
 * `startAfter`/`startAfterId` cursor HighLevel returns in `meta`.
 */
export async function searchOpportunities(
	ctx: TransportContext,
	connection: GhlConnection,
	filters: OpportunityFilters,
	limit = Infinity,
	options?: CallOptions,
): Promise<GhlRecord[]> {
	const found: GhlRecord[] = [];
	let cursor: IDataObject = {};
	for (;;) {
		const pageLimit = Math.max(1, Math.min(OPPORTUNITY_PAGE_LIMIT, limit - found.length));
		const answer = await callJson<{ opportunities: unknown; meta: IDataObject }>(
			ctx,
			connection.profile,
			{ method: 'GET', path: '/opportunities/search', qs: { ...filters, location_id: connection.locationId, limit: pageLimit, ...cursor } },
			options,
		);
		const page = recordsOf(answer.opportunities);
		found.push(...page);
		const meta = answer.meta ?? {};
		const total = typeof meta.total === 'number' ? meta.total : Infinity;
		if (found.length >= Math.min(limit, total) || page.length < pageLimit || meta.startAfter == null || meta.startAfterId == null) break;
		cursor = { startAfter: meta.startAfter, startAfterId: meta.startAfterId };
	}
	return found.slice(0, limit);
}

export async function listPipelines(ctx: TransportContext, connection: GhlConnection, options?: CallOptions): Promise<GhlPipeline[]> {
	const body = await callJson<{ pipelines: unknown }>(
		ctx,
		connection.profile,
		{ method: 'GET', path: '/opportunities/pipelines', qs: { locationId: connection.locationId } },
		options,
	);
	return recordsOf(body.pipelines).map((pipeline) => ({
		id: String(pipeline.id),
		name: String(pipeline.name ?? pipeline.id),
		stages: recordsOf(pipeline.stages).map((stage) => ({ id: String(stage.id), name: String(stage.name ?? stage.id) })),
	}));
}
