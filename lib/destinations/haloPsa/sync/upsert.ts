import type { HaloEntity, HaloRecord } from '../entities';
import type { CallOptions } from '../../../transport';
import type { TransportContext } from '../../../transport';
import type { EntityOutcome, InactiveRecords } from './types';
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
	/** What becomes of a matched record HaloPSA holds as inactive. */
	inactiveRecords: InactiveRecords;
	/** How a matched record was found, said in its outcome. */
	matchedReason?: string;
	/** What HaloPSA holds for these keys now, inactive ones included; used when a write's answer is lost. */
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

/** What becomes of a matched record: the update it gets (if any), and what its outcome says. */
interface Treatment {
	change?: HaloRecord;
	/** For a record left as it is, said as is; for an update, what it "would be" in a dry run. */
	note?: string;
	inactive?: true;
}

/**
 * An active record gets the update it needs. One HaloPSA holds as inactive is still the same
 * record (creating it again would duplicate it), so it is left alone, reactivated, or updated and
 * left inactive, as configured.
 */
function treat(existing: HaloRecord, change: HaloRecord | undefined, policy: InactiveRecords): Treatment {
	if (existing.inactive !== true) return { change };
	if (policy === 'leave') return { note: 'inactive in HaloPSA: left as it is', inactive: true };
	if (policy === 'reactivate') {
		return { change: { ...(change ?? { id: existing.id }), inactive: false }, note: 'reactivated (it was inactive in HaloPSA)' };
	}
	return change
		? { change, note: 'updated and left inactive in HaloPSA', inactive: true }
		: { note: 'inactive in HaloPSA: nothing to update, left inactive', inactive: true };
}

function outcomeOf(action: EntityOutcome['action'], id: number | undefined, reason: string | undefined, inactive?: true): EntityOutcome {
	return { action, id, ...(reason ? { reason } : {}), ...(inactive ? { inactive } : {}) };
}

/**
 * Creates what is missing and updates what differs, by key, in batches. In a dry run nothing is
 * written and every outcome says what would have happened.
 */
export async function upsertByKey(ctx: TransportContext, spec: UpsertSpec): Promise<Map<string, Upserted>> {
	const results = new Map<string, Upserted>();
	const creates: PlannedWrite[] = [];
	const updates: PlannedWrite[] = [];
	const treatments = new Map<string, Treatment>();
	for (const [key, wanted] of spec.wanted) {
		const existing = spec.existing.get(key);
		if (existing === undefined) {
			creates.push({ key, record: wanted });
			continue;
		}
		const treatment = treat(existing, spec.changes(existing, wanted), spec.inactiveRecords);
		if (treatment.change === undefined) {
			const reason = [spec.matchedReason, treatment.note].filter(Boolean).join('; ');
			results.set(key, { outcome: outcomeOf('matched', existing.id, reason, treatment.inactive), record: existing });
		} else {
			updates.push({ key, record: treatment.change });
			treatments.set(key, treatment);
		}
	}
	if (spec.dryRun) {
		for (const write of creates) results.set(write.key, { outcome: { action: 'created', reason: 'dry run: would be created' } });
		for (const write of updates) {
			const { note, inactive } = treatments.get(write.key) ?? {};
			results.set(write.key, {
				outcome: outcomeOf('updated', write.record.id, `dry run: would be ${note ?? 'updated'}`, inactive),
				record: spec.existing.get(write.key),
			});
		}
		return results;
	}
	const written = await writeAll(ctx, spec.entity, [...creates, ...updates], {
		batchSize: spec.batchSize,
		keyOf: spec.keyOf,
		lookup: spec.lookup,
		call: spec.call,
	});
	for (const [key, result] of written) {
		const treatment = treatments.get(key);
		if ('error' in result) results.set(key, { outcome: { action: 'failed', reason: result.error } });
		else if (treatment === undefined) results.set(key, { outcome: { action: 'created', id: result.saved.id }, record: result.saved });
		else results.set(key, { outcome: outcomeOf('updated', result.saved.id, treatment.note, treatment.inactive), record: result.saved });
	}
	return results;
}
