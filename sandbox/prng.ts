/** A small seeded PRNG so fixtures and faults replay identically for the same seed. */

export type Random = () => number;

/** mulberry32: tiny, fast and good enough for test data; returns floats in [0, 1). */
export function mulberry32(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a over the parts, so each (seed, purpose) pair gets an independent stream. */
export function hashSeed(...parts: Array<string | number>): number {
	let hash = 0x811c9dc5;
	for (const char of parts.join('\u0000')) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

export function pick<T>(random: Random, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)];
}

/** Integer in [min, max], both ends included. */
export function between(random: Random, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}
