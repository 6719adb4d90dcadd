import { saveBatch } from '../api';
import type { HaloEntity, HaloRecord } from '../entities';
import type { CallOptions } from '../../../transport';
import { asNodeError, isProviderApiError } from '../../../transport';
import type { TransportContext } from '../../../transport';
import { chunk } from '../../../util/map-limit';

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

function pair(batch: PlannedWrite[], saved: HaloRecord[], keyOf: WriterOptions['keyOf']): Map<string, WriteResult> {
	const results = new Map<string, WriteResult>();
	const byKey = new Map(saved.map((record) => [keyOf(record), record]));
	batch.forEach((write, index) => {
		// Match by key; fall back to position when HaloPSA's answer does not carry the key back.
		const record = byKey.get(write.key) ?? (saved.length === batch.length ? saved[index] : undefined);
		results.set(write.key, record ? { saved: record } : { error: 'HaloPSA did not return this record in its answer' });
	});
	return results;
}

async function writeBatch(
	ctx: TransportContext,
	entity: HaloEntity,
	batch: PlannedWrite[],
	options: WriterOptions,
	reconciles = 0,
): Promise<Map<string, WriteResult>> {
	try {
		return pair(
			batch,
			await saveBatch(
				ctx,
				entity,
				batch.map((write) => write.record),
				options.call,
			),
			options.keyOf,
		);
	} catch (error) {
		if (!isProviderApiError(error)) throw asNodeError(ctx.getNode(), error);
		if (error.kind === 'outcomeUnknown' && options.lookup !== undefined && reconciles < MAX_RECONCILES) {
			// The batch may have been written in full, in part or not at all: look, then write only what is missing.
			// Finding a record settles its create; an updated record is found whether or not the update was
			// carried out, so updates are sent again, which cannot duplicate anything.
			const creates = batch.filter((write) => !isUpdate(write));
			const found = creates.length > 0 ? await options.lookup(creates.map((write) => write.key)) : new Map<string, HaloRecord>();
			const results = new Map<string, WriteResult>();
			const missing = batch.filter((write) => {
				const record = isUpdate(write) ? undefined : found.get(write.key);
				if (record) results.set(write.key, { saved: record });
				return record === undefined;
			});
			if (missing.length > 0)
				for (const [key, result] of await writeBatch(ctx, entity, missing, options, reconciles + 1)) results.set(key, result);
			return results;
		}
		if (error.kind === 'invalidRequest' && batch.length > 1) {
			// HaloPSA refuses a whole batch for one bad record: halve until the bad one stands alone.
			const half = Math.ceil(batch.length / 2);
			const results = await writeBatch(ctx, entity, batch.slice(0, half), options);
			for (const [key, result] of await writeBatch(ctx, entity, batch.slice(half), options)) results.set(key, result);
			return results;
		}
		return new Map(batch.map((write) => [write.key, { error: error.message }]));
	}
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
	const results = new Map<string, WriteResult>();
	for (const batch of chunk(writes, Math.max(1, options.batchSize))) {
		for (const [key, result] of await writeBatch(ctx, entity, batch, options)) results.set(key, result);
	}
	return results;
}
