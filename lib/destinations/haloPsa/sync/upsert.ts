import type { HaloEntity, HaloRecord } from '../entities';
import type { CallOptions } from '../../../transport';
import type { TransportContext } from '../../../transport';
import type { EntityOutcome } from './types';
import { writeAll } from './writer';
import type { PlannedWrite } from './writer';

export interface UpsertSpec {
	entity: HaloEntity;
	/** What should exist, by match key (one entry per distinct key: duplicates in the input share it). */
	wanted: Map<string, HaloRecord>;
	/** What already exists, by the same keys. */
	existing: Map<string, HaloRecord>;
	/** The update a matched record needs (with its id), or undefined. */
	changes(existing: HaloRecord, wanted: HaloRecord): HaloRecord | undefined;
	keyOf(saved: HaloRecord): string | undefined;
	/** What HaloPSA holds for these keys now; used when a write's answer is lost. */
	lookup(keys: string[]): Promise<Map<string, HaloRecord>>;
	batchSize: number;
	dryRun: boolean;
	call?: CallOptions;
}

export interface Upserted {
	outcome: EntityOutcome;
	/** The record as HaloPSA holds it after the run (absent in a dry run for what would be created). */
	record?: HaloRecord;
}

/**
 * Creates what is missing and updates what differs, by key, in batches. In a dry run nothing is
 * written and every outcome says what would have happened.
 */
export async function upsertByKey(ctx: TransportContext, spec: UpsertSpec): Promise<Map<string, Upserted>> {
	const results = new Map<string, Upserted>();
	const creates: PlannedWrite[] = [];
	const updates: PlannedWrite[] = [];
	for (const [key, wanted] of spec.wanted) {
		const existing = spec.existing.get(key);
		if (existing === undefined) {
			creates.push({ key, record: wanted });
			continue;
		}
		const change = spec.changes(existing, wanted);
		if (change === undefined) results.set(key, { outcome: { action: 'matched', id: existing.id }, record: existing });
		else updates.push({ key, record: change });
	}
	if (spec.dryRun) {
		for (const write of creates) results.set(write.key, { outcome: { action: 'created', reason: 'dry run: would be created' } });
		for (const write of updates)
			results.set(write.key, {
				outcome: { action: 'updated', id: write.record.id, reason: 'dry run: would be updated' },
				record: spec.existing.get(write.key),
			});
		return results;
	}
	const written = await writeAll(ctx, spec.entity, [...creates, ...updates], {
		batchSize: spec.batchSize,
		keyOf: spec.keyOf,
		lookup: spec.lookup,
		call: spec.call,
	});
	const isUpdate = new Set(updates.map((write) => write.key));
	for (const [key, result] of written) {
		if ('error' in result) results.set(key, { outcome: { action: 'failed', reason: result.error } });
		else results.set(key, { outcome: { action: isUpdate.has(key) ? 'updated' : 'created', id: result.saved.id }, record: result.saved });
	}
	return results;
}
