import { PROVIDERS } from '../normalize';
import type { ProviderName } from '../normalize';
import type { ItemOutcome } from './result';

/** What one provider was asked about the people of past runs (verifications included), found, and charged. */
export interface ProviderTally {
	asked: number;
	matched: number;
	credits: number;
}

/**
 * What a node's past runs spent, for the hit rates an estimate goes by: how many people went down
 * the waterfall, and each provider's tally for them. A few numbers, kept beside the node's memory.
 */
export interface SpendHistory {
	people: number;
	providers: Partial<Record<ProviderName, ProviderTally>>;
}

/** Past this many people the counts are halved, so that the rates follow the recent runs. */
const SPAN = 10_000;

const NONE: ProviderTally = { asked: 0, matched: 0, credits: 0 };

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The history as stored, or undefined when there is none (or it is not one). */
export function readHistory(value: unknown): SpendHistory | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { people, providers } = value as Partial<SpendHistory>;
	if (!isCount(people) || people === 0 || providers === null || typeof providers !== 'object') return undefined;
	const tallies = Object.entries(providers).filter(
		(entry): entry is [ProviderName, ProviderTally] =>
			PROVIDERS.includes(entry[0] as ProviderName) &&
			entry[1] !== null &&
			typeof entry[1] === 'object' &&
			[entry[1].asked, entry[1].matched, entry[1].credits].every(isCount),
	);
	return { people, providers: Object.fromEntries(tallies) };
}

/**
 * What this run adds: the people that went down the waterfall in full (not known, not a duplicate,
 * not cut short by the budget, which would understate the rates), with a tally for every provider
 * of the run, asked or not.
 */
export function tallyRun(outcomes: ItemOutcome[], providers: ProviderName[]): SpendHistory {
	const tallies = new Map(providers.map((provider): [ProviderName, ProviderTally] => [provider, { ...NONE }]));
	let people = 0;
	for (const outcome of outcomes) {
		if (!('record' in outcome)) continue;
		const { known, duplicateOfItem, budgetReached, attempts } = outcome.record.enrichment;
		if (known !== undefined || duplicateOfItem !== undefined || budgetReached) continue;
		people++;
		for (const attempt of attempts) {
			const tally = tallies.get(attempt.provider);
			if (tally === undefined || attempt.status === 'skipped') continue;
			tally.asked++;
			if (attempt.status === 'matched') tally.matched++;
			tally.credits += attempt.credits;
		}
	}
	return { people, providers: Object.fromEntries(tallies) };
}

export function addHistory(history: SpendHistory | undefined, run: SpendHistory): SpendHistory {
	const people = (history?.people ?? 0) + run.people;
	const scale = people > SPAN ? (value: number) => Math.round(value / 2) : (value: number) => value;
	const names = new Set([...Object.keys(history?.providers ?? {}), ...Object.keys(run.providers)] as ProviderName[]);
	const providers = [...names].map((provider) => {
		const [before, now] = [history?.providers[provider] ?? NONE, run.providers[provider] ?? NONE];
		const tally: ProviderTally = {
			asked: scale(before.asked + now.asked),
			matched: scale(before.matched + now.matched),
			credits: scale(before.credits + now.credits),
		};
		return [provider, tally];
	});
	return { people: scale(people), providers: Object.fromEntries(providers) };
}
