import { saveBatch } from '../api';
import type { HaloEntity, HaloRecord } from '../entities';
import type { CallOptions } from '../../../transport';
import { asNodeError, isProviderApiError } from '../../../transport';
import type { TransportContext } from '../../../transport';
import { sendInBatches } from '../../batches';
import type { Batching } from '../../batches';

export interface PlannedWrite {
	/** What identifies the record: its id for an update, its match key (email, domain...) for a create. */
	key: string;
	record: HaloRecord;
}

export type WriteResult = { saved: HaloRecord } | { error: string };

export interface WriterOptions {
	batchSize: number;
	/** The key a saved record answers to, to pair HaloPSA's answer (and a lookup) with the plan. */
	keyOf(saved: HaloRecord): string | undefined;
	/**
	 * After a lost answer: what HaloPSA now holds for these keys. Without it (records with no
	 * natural key) a lost answer fails its records rather than risk writing them twice.
	 */
	lookup?(keys: string[]): Promise<Map<string, HaloRecord>>;
	call?: CallOptions;
}

/** A lost answer is looked up and the rest re-sent at most this often before its records fail. */
const MAX_RECONCILES = 3;

/** HaloPSA updates the elements of a batch that carry an id and creates the others. */
const isUpdate = (write: PlannedWrite) => write.record.id !== undefined;

function pair(batch: PlannedWrite[], saved: HaloRecord[], keyOf: WriterOptions['keyOf']): WriteResult[] {
	const byKey = new Map(saved.map((record) => [keyOf(record), record]));
	return batch.map((write, index) => {
		// Match by key; fall back to position when HaloPSA's answer does not carry the key back.
		const record = byKey.get(write.key) ?? (saved.length === batch.length ? saved[index] : undefined);
		return record ? { saved: record } : { error: 'HaloPSA did not return this record in its answer' };
	});
}

/**
 * HaloPSA refuses a whole batch for one bad record, and documents no batch limit: a 400, or a 413
 * for a batch too large, is halved until the refused record stands alone. A lost answer is looked
 * up rather than re-sent blindly.
 */
function haloBatching(
	ctx: TransportContext,
	entity: HaloEntity,
	options: WriterOptions,
	reconciles = 0,
): Batching<PlannedWrite, WriteResult> {
	return {
		size: options.batchSize,
		send: async (batch) =>
			pair(
				batch,
				await saveBatch(
					ctx,
					entity,
					batch.map((write) => write.record),
					options.call,
				),
				options.keyOf,
			),
		splits: (error) => isProviderApiError(error, 'invalidRequest'),
		settle: async (error, batch) => {
			if (!isProviderApiError(error)) throw asNodeError(ctx.getNode(), error);
			if (error.kind !== 'outcomeUnknown' || options.lookup === undefined || reconciles >= MAX_RECONCILES)
				return batch.map(() => ({ error: error.message }));
			// The batch may have been written in full, in part or not at all: look, then write only what is missing.
			// Finding a record settles its create; an updated record is found whether or not the update was
			// carried out, so updates are sent again, which cannot duplicate anything.
			const creates = batch.filter((write) => !isUpdate(write));
			const found = creates.length > 0 ? await options.lookup(creates.map((write) => write.key)) : new Map<string, HaloRecord>();
			const foundFor = batch.map((write) => (isUpdate(write) ? undefined : found.get(write.key)));
			const resent = await sendInBatches(
				batch.filter((_, index) => foundFor[index] === undefined),
				haloBatching(ctx, entity, options, reconciles + 1),
			);
			let next = 0;
			return foundFor.map((record) => (record ? { saved: record } : resent[next++]));
		},
	};
}

/**
 * Writes creates or updates in batches of the configured size. One bad record fails alone with
 * HaloPSA's message; a lost answer is never blindly re-sent; any other failure fails its batch's
 * records and the rest go on, so nothing already written is lost from the run's output.
 */
export async function writeAll(
	ctx: TransportContext,
	entity: HaloEntity,
	writes: PlannedWrite[],
	options: WriterOptions,
): Promise<Map<string, WriteResult>> {
	const results = await sendInBatches(writes, haloBatching(ctx, entity, options));
	return new Map(writes.map((write, index) => [write.key, results[index]]));
}
