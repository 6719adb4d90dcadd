/** In-memory tables with generated ids, shared by the providers that store records. */
import { randomBytes } from 'node:crypto';

type Id = string | number;

export class Table<T extends { id: Id }> {
	private readonly rows = new Map<Id, T>();
	private seq = 0;

	/** `makeId` gets a counter that restarts on `clear()`, so numeric ids replay after a reset. */
	constructor(private readonly makeId: (seq: number) => T['id']) {}

	/** Inserts, generating the id unless the record brings one (seeded data). */
	insert(record: Omit<T, 'id'> & { id?: T['id'] }): T {
		const { id: given, ...fields } = record;
		const id = given ?? this.makeId(++this.seq);
		if (typeof id === 'number') this.seq = Math.max(this.seq, id);
		// Id first, as the real APIs print it.
		const row = { id, ...fields } as unknown as T;
		this.rows.set(id, row);
		return row;
	}

	get(id: Id | undefined): T | undefined {
		if (id === undefined) return undefined;
		// Ids arrive as path strings; numeric tables store numbers.
		return this.rows.get(id) ?? (typeof id === 'string' && /^\d+$/.test(id) ? this.rows.get(Number(id)) : undefined);
	}

	/** Replaces the stored row (callers merge first); undefined when the id is unknown. */
	replace(row: T): T | undefined {
		if (!this.rows.has(row.id)) return undefined;
		this.rows.set(row.id, row);
		return row;
	}

	delete(id: Id): boolean {
		const row = this.get(id);
		return row !== undefined && this.rows.delete(row.id);
	}

	/** Rows in insertion order; a copy, so callers may sort it. */
	list(): T[] {
		return [...this.rows.values()];
	}

	find(predicate: (row: T) => boolean): T | undefined {
		for (const row of this.rows.values()) if (predicate(row)) return row;
		return undefined;
	}

	get size(): number {
		return this.rows.size;
	}

	clear(): void {
		this.rows.clear();
		this.seq = 0;
	}
}

export const numericIds = (seq: number): number => seq;

/** GoHighLevel-style ids: 20 random alphanumerics. */
export function alphanumericId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return [...randomBytes(20)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** Mongo-style 24-hex ids (Thrio). */
export function hexId(): string {
	return randomBytes(12).toString('hex');
}
