import { createHash } from 'crypto';

const DAY_MS = 86_400_000;
/** Values pack the day with a small set of flags (which providers answered): day * FLAG_SPACE + flags. */
const FLAG_SPACE = 64;

export const dayOf = (epochMs: number): number => Math.floor(epochMs / DAY_MS);
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * 72 bits of a key's SHA-256: no person's email or name is stored as it came, and among a million
 * keys the odds of any two sharing a hash are about 1 in 10^10.
 */
const hashOf = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 12);

export interface Recalled {
	/** The day (days since 1970-01-01, UTC) the key was last recorded. */
	day: number;
	/** The flags recorded with it (bit i: the i-th provider of the caller's list). */
	flags: number;
}

/**
 * A memory of keys, each with the last day it was recorded, held as a plain object so it can live
 * in a node's workflow static data, which n8n keeps in its database with the workflow and saves
 * after each run that was not started by hand. About 23 bytes a key as n8n stores it.
 */
export class KeyedMemory {
	private changed = false;

	private constructor(private readonly entries: Map<string, number>) {}

	/** The memory stored under `value` (what an earlier run saved), or an empty one. */
	static from(value: unknown): KeyedMemory {
		const entries = new Map<string, number>();
		if (value !== null && typeof value === 'object' && !Array.isArray(value))
			for (const [hash, packed] of Object.entries(value))
				if (Number.isSafeInteger(packed) && (packed as number) >= 0) entries.set(hash, packed as number);
		return new KeyedMemory(entries);
	}

	get size(): number {
		return this.entries.size;
	}

	/** Whether anything was recorded or forgotten since it was read. */
	get isChanged(): boolean {
		return this.changed;
	}

	/** The latest record of any of the keys, on or after `sinceDay`. */
	recall(keys: string[], sinceDay = 0): Recalled | undefined {
		let latest: number | undefined;
		for (const key of keys) {
			const packed = this.entries.get(hashOf(key));
			if (packed !== undefined && packed >= sinceDay * FLAG_SPACE && (latest === undefined || packed > latest)) latest = packed;
		}
		return latest === undefined ? undefined : { day: Math.floor(latest / FLAG_SPACE), flags: latest % FLAG_SPACE };
	}

	/** Records every key for `day`; flags recorded earlier the same day are kept beside the new ones. */
	record(keys: string[], day: number, flags = 0): void {
		for (const key of keys) {
			const hash = hashOf(key);
			const earlier = this.entries.get(hash);
			const sameDay = earlier !== undefined && Math.floor(earlier / FLAG_SPACE) === day;
			this.entries.delete(hash);
			this.entries.set(hash, day * FLAG_SPACE + ((sameDay ? earlier % FLAG_SPACE : 0) | (flags % FLAG_SPACE)));
		}
		if (keys.length > 0) this.changed = true;
	}

	/** Forgets what was recorded before `day`, then the oldest past `maxKeys`. */
	prune(day: number, maxKeys: number): void {
		for (const [hash, packed] of this.entries)
			if (packed < day * FLAG_SPACE) {
				this.entries.delete(hash);
				this.changed = true;
			}
		if (this.entries.size <= maxKeys) return;
		const oldestFirst = [...this.entries].sort((a, b) => a[1] - b[1]);
		for (const [hash] of oldestFirst.slice(0, this.entries.size - maxKeys)) this.entries.delete(hash);
		this.changed = true;
	}

	clear(): void {
		if (this.entries.size > 0) this.changed = true;
		this.entries.clear();
	}

	/** What to store: a new object, so n8n's change tracking on static data sees the write. */
	toJSON(): Record<string, number> {
		return Object.fromEntries(this.entries);
	}
}
