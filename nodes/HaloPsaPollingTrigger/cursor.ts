import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { HaloRecord } from '../../lib/destinations/haloPsa';
import { parseTimestamp } from '../../lib/signatures';

export type PolledEntity = 'Client' | 'Users' | 'Opportunities' | 'Tickets';
/** `updatedField`: a last-changed date HaloPSA keeps on the record; `contents`: a hash of each record. */
export type Detection = 'updatedField' | 'contents';

export interface PollSettings {
	entity: PolledEntity;
	includeUpdates: boolean;
	detection: Detection;
	/** The last-changed field, for `updatedField`. */
	field: string;
	/** Read every page each poll instead of trusting HaloPSA's `order` to stop early. */
	fullScan: boolean;
	filters: IDataObject;
}

/**
 * What the last poll saw, in the node's static data. Ids grow in HaloPSA, so the highest id seen
 * marks which records are new. Changes are tracked by the newest last-changed time seen plus the
 * ids changed at exactly that time (several records can share a second), or by one short hash
 * per record.
 */
export interface Cursor {
	/** The settings the cursor belongs to: changing them starts over without a flood. */
	key: string;
	maxId: number;
	changedAt?: number;
	changedIds?: number[];
	hashes?: Record<string, string>;
}

export function cursorKey(settings: PollSettings): string {
	const { entity, includeUpdates, detection, field, filters } = settings;
	return JSON.stringify(
		includeUpdates ? [entity, detection, detection === 'updatedField' ? field : '', filters] : [entity, 'created', filters],
	);
}

export const idOf = (record: HaloRecord): number | undefined => {
	const id = Number(record.id);
	return Number.isFinite(id) ? id : undefined;
};

export const changedAtOf = (record: HaloRecord, field: string): number | undefined => parseTimestamp(record[field]);

export function hashOf(record: HaloRecord): string {
	return createHash('sha256').update(JSON.stringify(record)).digest('base64').slice(0, 12);
}

export function highestId(records: HaloRecord[], floor = 0): number {
	return records.reduce((max, record) => Math.max(max, idOf(record) ?? 0), floor);
}

/** The newest change time among records and the ids changed at exactly it, merged with the previous mark. */
export function changeMark(
	records: HaloRecord[],
	field: string,
	previous?: Pick<Cursor, 'changedAt' | 'changedIds'>,
): Pick<Cursor, 'changedAt' | 'changedIds'> {
	let changedAt = previous?.changedAt;
	let changedIds = new Set(previous?.changedIds ?? []);
	for (const record of records) {
		const at = changedAtOf(record, field);
		const id = idOf(record);
		if (at === undefined || id === undefined || (changedAt !== undefined && at < changedAt)) continue;
		if (changedAt === undefined || at > changedAt) {
			changedAt = at;
			changedIds = new Set();
		}
		changedIds.add(id);
	}
	return changedAt === undefined ? {} : { changedAt, changedIds: [...changedIds] };
}

/** Whether a record changed after the mark: later, or at the same time but not yet seen then. */
export function changedAfter(record: HaloRecord, field: string, cursor: Cursor): boolean {
	const at = changedAtOf(record, field);
	const id = idOf(record);
	if (at === undefined || id === undefined) return false;
	if (cursor.changedAt === undefined || at > cursor.changedAt) return true;
	return at === cursor.changedAt && !(cursor.changedIds ?? []).includes(id);
}

/** Oldest first, so a workflow handles changes in the order they happened. */
export function chronological(records: HaloRecord[], settings: PollSettings): HaloRecord[] {
	const time = (record: HaloRecord) =>
		settings.includeUpdates && settings.detection === 'updatedField' ? (changedAtOf(record, settings.field) ?? 0) : 0;
	return [...records].sort((a, b) => time(a) - time(b) || (idOf(a) ?? 0) - (idOf(b) ?? 0));
}
