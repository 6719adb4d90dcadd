import type { Company, Person, ProviderName } from '../normalize';
import type { EmailVerification } from '../sources/contracts';
import type { KnownLookup } from './memory';
import type { Deduplicated } from './dedupe';
import type { InputProblem } from '../normalize';
import type { Sources } from './merge';
import { creditsOf } from './waterfall';
import type { Attempt, Subject } from './waterfall';

/** What the verifier said of an address. */
export interface Verification {
	provider: ProviderName;
	status: EmailVerification['status'];
	score?: number;
}

/** An email the verifier turned down, which was therefore not kept: who offered it, and the verdict. */
export interface RejectedEmail {
	email: string;
	source: ProviderName | 'input';
	verification: Verification;
}

export interface EnrichmentReport {
	/** Which provider supplied each field. */
	sources: Sources;
	/** Every provider tried for this input, in order, with its outcome and the credits it spent. */
	attempts: Attempt[];
	creditsSpent: number;
	/** Whether every wanted field was found (or the stop rule was met). */
	complete: boolean;
	missing: string[];
	/** The check of the email the person ends with. */
	verification?: Verification;
	rejectedEmails?: RejectedEmail[];
	/** Set when an earlier item had the same input: this one reused its lookup and spent nothing. */
	duplicateOfItem?: number;
	/** Set when an earlier run asked about this person: nothing was asked or spent this time. */
	known?: KnownLookup;
	/** Set when the run's credit budget kept a provider from being asked: see the attempts marked so. */
	budgetReached?: true;
}

export interface EnrichedRecord {
	person?: Person;
	company?: Company;
	enrichment: EnrichmentReport;
	/** The providers' untouched records, by provider. */
	raw: Partial<Record<ProviderName, unknown>>;
}

export type ItemOutcome = { itemIndex: number; record: EnrichedRecord } | { itemIndex: number; problem: InputProblem };

export function reportOf<L>(subject: Subject<L>, complete: boolean, missing: string[]): EnrichmentReport {
	return {
		sources: subject.merged.sources,
		attempts: subject.attempts,
		creditsSpent: creditsOf(subject.attempts),
		complete,
		missing,
		...(subject.attempts.some((attempt) => attempt.budgetReached) && { budgetReached: true }),
	};
}

/** A duplicate item gets the first item's answer, with nothing spent on its behalf. */
export function asDuplicate(record: EnrichedRecord, firstItem: number): EnrichedRecord {
	return {
		...record,
		enrichment: {
			...record.enrichment,
			attempts: record.enrichment.attempts.map((attempt) => ({
				...attempt,
				credits: 0,
				...(attempt.lost && { lost: { ...attempt.lost, credits: 0 } }),
			})),
			creditsSpent: 0,
			duplicateOfItem: firstItem,
		},
	};
}

/** Hands each input item its record: its own, a shared one marked duplicate, or its problem. */
export function perItem<L>(slots: Deduplicated<L>['slots'], records: EnrichedRecord[]): ItemOutcome[] {
	return slots.map((slot, itemIndex) => {
		if ('problem' in slot) return { itemIndex, problem: slot.problem };
		const record = records[slot.unique];
		return { itemIndex, record: slot.firstItem === itemIndex ? record : asDuplicate(record, slot.firstItem) };
	});
}
