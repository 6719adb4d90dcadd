import type { HaloRecord } from '../../lib/destinations/haloPsa';
import type { TransportContext } from '../../lib/transport';
import { changeMark, changedAfter, changedAtOf, hashOf, highestId, idOf } from './cursor';
import type { Cursor, PollSettings } from './cursor';
import { readAll, scanNewestFirst } from './scan';

export interface Changes {
	records: HaloRecord[];
	cursor: Cursor;
}

const tracksContents = (settings: PollSettings) => settings.includeUpdates && settings.detection === 'contents';
const tracksField = (settings: PollSettings) => settings.includeUpdates && settings.detection === 'updatedField';

function hashesOf(records: HaloRecord[]): Record<string, string> {
	return Object.fromEntries(records.flatMap((record) => (idOf(record) === undefined ? [] : [[String(idOf(record)), hashOf(record)]])));
}

/** The cursor for a set of records known to contain everything newer than the cursor's marks. */
function cursorOver(records: HaloRecord[], settings: PollSettings, previous: Cursor): Cursor {
	const cursor: Cursor = { ...previous, maxId: highestId(records, previous.maxId) };
	if (tracksField(settings)) Object.assign(cursor, changeMark(records, settings.field, previous));
	return cursor;
}

const byId = (settings: PollSettings, maxId: number, firstPageOnly = false) => ({
	entity: settings.entity,
	filters: settings.filters,
	order: 'id',
	valueOf: idOf,
	isOld: (id: number) => id <= maxId,
	firstPageOnly,
});

const byChange = (settings: PollSettings, before: number | undefined, firstPageOnly = false) => ({
	entity: settings.entity,
	filters: settings.filters,
	order: settings.field,
	valueOf: (record: HaloRecord) => changedAtOf(record, settings.field),
	// Records at exactly the marked time are read on: some may not have been seen yet.
	isOld: (at: number) => before !== undefined && at < before,
	firstPageOnly,
});

/**
 * The state to start from: what exists now, so the first poll emits nothing. The newest page by
 * id (and by change time) is enough when HaloPSA orders as asked; otherwise everything is read.
 */
export async function baseline(ctx: TransportContext, settings: PollSettings, key: string): Promise<Cursor> {
	const empty: Cursor = { key, maxId: 0 };
	if (settings.fullScan || tracksContents(settings)) {
		const all = await readAll(ctx, settings.entity, settings.filters);
		return tracksContents(settings) ? { ...cursorOver(all, settings, empty), hashes: hashesOf(all) } : cursorOver(all, settings, empty);
	}
	const newest = await scanNewestFirst(ctx, byId(settings, -1, true));
	const newestChanges = tracksField(settings) ? await scanNewestFirst(ctx, byChange(settings, undefined, true)) : [];
	if (newest === undefined || newestChanges === undefined)
		return cursorOver(await readAll(ctx, settings.entity, settings.filters), settings, empty);
	return cursorOver([...newest, ...newestChanges], settings, empty);
}

/** What changed since the cursor, oldest knowledge first, and the cursor after it. */
export async function changesSince(ctx: TransportContext, settings: PollSettings, cursor: Cursor): Promise<Changes> {
	let all: Promise<HaloRecord[]> | undefined;
	const everything = async () => await (all ??= readAll(ctx, settings.entity, settings.filters));

	if (tracksContents(settings)) {
		const current = await everything();
		const previous = cursor.hashes ?? {};
		const records = current.filter((record) => idOf(record) !== undefined && previous[String(idOf(record))] !== hashOf(record));
		return { records, cursor: { ...cursor, maxId: highestId(current, cursor.maxId), hashes: hashesOf(current) } };
	}

	const scannedNew = settings.fullScan ? undefined : await scanNewestFirst(ctx, byId(settings, cursor.maxId));
	const created = scannedNew ?? (await everything()).filter((record) => (idOf(record) ?? 0) > cursor.maxId);
	let changed: HaloRecord[] = [];
	if (tracksField(settings)) {
		const scanned = settings.fullScan ? undefined : await scanNewestFirst(ctx, byChange(settings, cursor.changedAt));
		changed = (scanned ?? (await everything())).filter((record) => changedAfter(record, settings.field, cursor));
	}
	const unique = new Map<number, HaloRecord>();
	for (const record of [...created, ...changed]) unique.set(idOf(record) ?? -1, record);
	const records = [...unique.values()];
	return { records, cursor: cursorOver(records, settings, cursor) };
}
