import type { LookupOutcome } from './contracts';

/**
 * A lookup answered after `sends` whose answers were lost. Each of them asked the provider the
 * same, and providers charge by what they find, so each is counted at what the answer cost.
 */
export function afterLostSends(outcome: LookupOutcome, sends: number): LookupOutcome {
	if (sends === 0) return outcome;
	const credits = outcome.credits * sends;
	return { ...outcome, credits: outcome.credits + credits, lost: { sends, credits } };
}
