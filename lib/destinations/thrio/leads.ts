import type { IDataObject } from 'n8n-workflow';

import type { TransportContext } from '../../transport';
import { callJson, isProviderApiError } from '../../transport';
import type { CallOptions } from '../../transport';
import { sendInBatches } from '../batches';
import type { ThrioRecord } from './data';
import { listAll, recordsOf, typePath } from './data';
import { thrioProfile } from './profile';

/**
 * Leads per `leadsupsert` call unless the node asks otherwise. Thrio documents no limit, so this is
 * a conservative size, not Thrio's figure: a call refused as too large is halved and sent again,
 * so a size above the tenant's limit costs extra calls, never leads.
 */
export const DEFAULT_LEADS_PER_UPSERT = 500;

/** The largest batch the node offers: with no documented limit, this bounds the body of one request. */
export const MAX_LEADS_PER_UPSERT = 1000;

const listPath = (listId: string) => typePath('outboundlist', listId);

export type LeadOutcome = { lead: ThrioRecord } | { error: Error };

/**
 * Upserts leads into one outbound list, `batchSize` (at most 1,000) per call. A call refused as a
 * whole, as too large (413) or for one lead Thrio will not take (400), is halved until only the
 * refused lead fails, with Thrio's message, and the others are stored. Thrio matches a lead by
 * `externalId`, then phone, so sending a lead again (after a refusal or a lost answer) cannot
 * duplicate it. One outcome per lead, in order.
 */
export async function upsertLeads(
	ctx: TransportContext,
	listId: string,
	leads: IDataObject[],
	batchSize = DEFAULT_LEADS_PER_UPSERT,
	options?: CallOptions,
): Promise<LeadOutcome[]> {
	return await sendInBatches<IDataObject, LeadOutcome>(leads, {
		size: Math.min(MAX_LEADS_PER_UPSERT, batchSize),
		send: async (batch) => {
			const body = await callJson<{ leads: unknown }>(
				ctx,
				thrioProfile,
				{ method: 'POST', path: `${listPath(listId)}/leadsupsert`, body: batch, idempotent: true },
				options,
			);
			// Thrio's answer lists the saved leads in request order; when it does not, the sent lead stands for it.
			const saved = recordsOf(body.leads);
			return batch.map((lead, index) => ({ lead: saved.length === batch.length ? saved[index] : { ...lead, listId } }));
		},
		// 413 (too many leads) and 400/422 (a lead Thrio will not take) are both invalidRequest; a missing
		// list (404), a refused credential or a server error would refuse the halves just the same.
		splits: (error) => isProviderApiError(error, 'invalidRequest'),
		settle: (error, batch) => {
			const failure = error instanceof Error ? error : new Error(String(error));
			return batch.map(() => ({ error: failure }));
		},
	});
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
