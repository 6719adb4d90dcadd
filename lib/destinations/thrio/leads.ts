import type { IDataObject } from 'n8n-workflow';

import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { ThrioRecord } from './data';
import { listAll, recordsOf, typePath } from './data';
import { thrioProfile } from './profile';

/** Thrio takes at most this many leads in one `leadsupsert` call. */
export const MAX_LEADS_PER_UPSERT = 1000;

const listPath = (listId: string) => typePath('outboundlist', listId);

export type LeadOutcome = { lead: ThrioRecord } | { error: Error };

/**
 * Upserts leads into one outbound list, `batchSize` (at most 1,000) per call. Thrio matches a lead
 * by `externalId`, then phone, so a chunk may be sent again after a lost answer. A refused chunk
 * fails its own leads only; the next chunks still go. One outcome per lead, in order.
 */
export async function upsertLeads(
	ctx: TransportContext,
	listId: string,
	leads: IDataObject[],
	batchSize = MAX_LEADS_PER_UPSERT,
	options?: CallOptions,
): Promise<LeadOutcome[]> {
	const size = Math.max(1, Math.min(MAX_LEADS_PER_UPSERT, batchSize));
	const outcomes: LeadOutcome[] = [];
	for (let first = 0; first < leads.length; first += size) {
		const chunk = leads.slice(first, first + size);
		try {
			const body = await callJson<{ leads: unknown }>(
				ctx,
				thrioProfile,
				{ method: 'POST', path: `${listPath(listId)}/leadsupsert`, body: chunk, idempotent: true },
				options,
			);
			// Thrio's answer lists the saved leads in request order; when it does not, the sent lead stands for it.
			const saved = recordsOf(body.leads);
			outcomes.push(...chunk.map((lead, index) => ({ lead: saved.length === chunk.length ? saved[index] : { ...lead, listId } })));
		} catch (error) {
			const failure = error instanceof Error ? error : new Error(String(error));
			outcomes.push(...chunk.map(() => ({ error: failure })));
		}
	}
	return outcomes;
}

/** A plain add: it may create a lead, so a lost answer is not re-sent. */
export async function addLead(ctx: TransportContext, listId: string, lead: IDataObject, options?: CallOptions): Promise<ThrioRecord> {
	return await callJson<ThrioRecord>(ctx, thrioProfile, { method: 'POST', path: `${listPath(listId)}/lead`, body: lead }, options);
}

/** Back to "not yet dialed" with no attempts: doing it twice is the same as once. */
export async function resetLead(ctx: TransportContext, listId: string, leadId: string, options?: CallOptions): Promise<ThrioRecord> {
	return await callJson<ThrioRecord>(
		ctx,
		thrioProfile,
		{ method: 'POST', path: `${listPath(listId)}/lead/${encodeURIComponent(leadId)}/reset`, idempotent: true },
		options,
	);
}

export async function listOutboundLists(ctx: TransportContext, limit = 1000, options?: CallOptions): Promise<ThrioRecord[]> {
	return await listAll(ctx, 'outboundlist', undefined, limit, options);
}
