import type { InputProblem } from '../normalize';
import type { Parsed } from './lookups';

export interface Deduplicated<L> {
	/** One lookup per distinct key, in first-seen order. */
	unique: L[];
	/** For each input item: the index into `unique`, or the problem that kept it out. */
	slots: Array<{ unique: number; firstItem: number } | { problem: InputProblem }>;
}

/**
 * Identical inputs share one lookup: the users' credits are spent once per distinct person or
 * company in an execution, however many items repeat it.
 */
export function deduplicate<L>(parsed: Array<Parsed<L>>, keyOf: (lookup: L) => string): Deduplicated<L> {
	const unique: L[] = [];
	const byKey = new Map<string, { unique: number; firstItem: number }>();
	const slots = parsed.map((entry, itemIndex) => {
		if (entry.problem) return { problem: entry.problem };
		const key = keyOf(entry.lookup);
		let slot = byKey.get(key);
		if (slot === undefined) {
			slot = { unique: unique.push(entry.lookup) - 1, firstItem: itemIndex };
			byKey.set(key, slot);
		}
		return slot;
	});
	return { unique, slots };
}
