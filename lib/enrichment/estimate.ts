import type { PersonInput, ProviderName } from '../normalize';
import type { PersonLookup } from '../sources/contracts';
import { deduplicate } from './dedupe';
import { inputOnly, stagesOf } from './enrich-people';
import type { PersonEnrichmentConfig } from './enrich-people';
import type { SpendHistory } from './history';
import { parsePerson, personKey } from './lookups';
import { recallPerson } from './memory';
import type { Stage } from './waterfall';
import { isSatisfied } from './wanted';

/** What a run of Enrich would cost one provider, or all of them (`total`). */
export interface CostEstimate {
	provider: ProviderName | 'total';
	/** Distinct people the provider may be asked about: at worst, every one it could take. */
	distinctLookups: number;
	batches: number;
	/** Email verifications at worst, on the verifier's provider: each address a provider may find, each given one with Verify Found Emails. */
	verifications?: number;
	/** Every lookup at the provider's highest charge, within the budget. */
	worstCaseCredits: number;
	/** From the node's past runs, when they are known. */
	expectedCredits?: number;
	basis: string;
	/** Distinct people the memory knows, who cost nothing. */
	knownSkipped: number;
	/** The budget's limit on this provider (or on the run), when there is one. */
	maxCredits?: number;
}

/**
 * Each stage's lookups at worst: those the provider takes as given, and those an earlier provider
 * may be asked about, since its answer may give the later one what it needs.
 */
function reach(stages: Array<Stage<PersonLookup>>, lookups: PersonLookup[]): PersonLookup[][] {
	const asked = new Set<PersonLookup>();
	return stages.map((stage) => {
		const reaching = lookups.filter((lookup) => stage.accepts(lookup) || asked.has(lookup));
		for (const lookup of reaching) asked.add(lookup);
		return reaching;
	});
}

/**
 * What Enrich would spend on these inputs with this configuration, without a call: per provider,
 * the distinct people it may be asked about and in how many batches, the worst case of what they
 * cost, and what past runs' hit rates make likely; then the total. People the memory knows cost
 * nothing, nor do those whose input already has every wanted field; the memory is only read.
 */
export function estimatePeople(inputs: PersonInput[], config: PersonEnrichmentConfig, history?: SpendHistory): CostEstimate[] {
	const { unique } = deduplicate(inputs.map(parsePerson), personKey);
	const isKnown = (lookup: PersonLookup) => config.memory !== undefined && recallPerson(config.memory, lookup) !== undefined;
	const known = unique.filter(isKnown);
	const fresh = unique.filter((lookup) => !isKnown(lookup));
	const open = (lookups: PersonLookup[]) => lookups.filter((lookup) => !isSatisfied(inputOnly(lookup), config.rules));
	const stages = stagesOf(config.providers);
	const asking = open(fresh);
	const reached = reach(stages, asking);
	const knownReached = reach(stages, open(known));
	const { limits, verifier } = config;

	const estimates = stages.map((stage, index): CostEstimate => ({
		provider: stage.provider,
		distinctLookups: reached[index].length,
		batches: Math.ceil(reached[index].length / stage.batchSize),
		worstCaseCredits: stage.maxCredits(reached[index], config.options),
		basis: 'worst case',
		knownSkipped: knownReached[index].length,
	}));
	if (verifier !== undefined) {
		// Any provider asked may find an address; Verify Found Emails checks the input's too.
		const inputEmails = config.verifyFound ? fresh.filter((lookup) => lookup.email !== undefined).length : 0;
		const verifications = inputEmails + reached.flat().length;
		let entry = estimates.find((estimate) => estimate.provider === verifier.provider);
		if (entry === undefined) {
			entry = { provider: verifier.provider, distinctLookups: 0, batches: 0, worstCaseCredits: 0, basis: 'worst case', knownSkipped: 0 };
			estimates.push(entry);
		}
		entry.verifications = verifications;
		entry.worstCaseCredits += verifications * verifier.creditsPerVerification;
	}

	for (const estimate of estimates) {
		const provider = estimate.provider as ProviderName;
		const cap = Math.min(limits?.providers?.[provider] ?? Infinity, limits?.total ?? Infinity);
		const tally = history?.providers[provider];
		if (history !== undefined && tally !== undefined) {
			// Past runs' credits per person who went down the waterfall, for as many people as go down it now.
			estimate.expectedCredits = Math.min(estimate.worstCaseCredits, Math.round((fresh.length * tally.credits) / history.people));
			estimate.basis = `hit rate over ${history.people} lookups`;
		}
		if (cap === Infinity) continue;
		estimate.maxCredits = cap;
		estimate.worstCaseCredits = Math.min(estimate.worstCaseCredits, cap);
		if (estimate.expectedCredits !== undefined) estimate.expectedCredits = Math.min(estimate.expectedCredits, cap);
	}

	const sum = (value: (estimate: CostEstimate) => number) => estimates.reduce((total, estimate) => total + value(estimate), 0);
	const rated = estimates.filter((estimate) => estimate.expectedCredits !== undefined);
	const total: CostEstimate = {
		provider: 'total',
		distinctLookups: asking.length,
		batches: sum((estimate) => estimate.batches),
		...(verifier !== undefined && { verifications: sum((estimate) => estimate.verifications ?? 0) }),
		worstCaseCredits: Math.min(
			sum((estimate) => estimate.worstCaseCredits),
			limits?.total ?? Infinity,
		),
		...(rated.length > 0 && {
			expectedCredits: Math.min(
				sum((estimate) => estimate.expectedCredits ?? estimate.worstCaseCredits),
				limits?.total ?? Infinity,
			),
		}),
		basis: rated.length === 0 ? 'worst case' : `${rated[0].basis}${rated.length < estimates.length ? ' where known, else worst case' : ''}`,
		knownSkipped: known.length,
		...(limits?.total !== undefined && { maxCredits: limits.total }),
	};
	return [...estimates, total];
}
