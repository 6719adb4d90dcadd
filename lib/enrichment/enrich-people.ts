import { compact } from '../normalize';
import type { EmailVerifier, LookupOptions, PersonLookup, ProviderModule } from '../sources/contracts';
import { seededMerged } from './merge';
import type { Merged } from './merge';
import type { TransportContext } from '../transport';
import { CreditBudget } from './budget';
import type { CreditLimits } from './budget';
import { deduplicate } from './dedupe';
import { emailChecks } from './email-checks';
import { parsePerson, personKey, personLookupAfter } from './lookups';
import type { PersonInput } from '../normalize';
import { perItem, reportOf } from './result';
import type { EnrichedRecord, ItemOutcome } from './result';
import { recallPerson, rememberPerson } from './memory';
import type { KnownLookup, LookupMemory } from './memory';
import { runWaterfall, stageOf } from './waterfall';
import type { Stage } from './waterfall';
import { isSatisfied, missingFields } from './wanted';
import type { StopRules } from './wanted';

export interface PersonEnrichmentConfig {
	/** Providers in the order they are asked; one for a single-provider run. */
	providers: ProviderModule[];
	rules: StopRules;
	/**
	 * Checks emails as they are found: those a policy sends to it (`guessed: 'verify'`, which needs
	 * it) and, with `verifyFound`, every one that is not already verified.
	 */
	verifier?: EmailVerifier;
	verifyFound?: boolean;
	options: LookupOptions;
	/** People asked about in earlier runs, who are not asked about again. */
	memory?: LookupMemory;
	/** The most the run may spend, verifications included. */
	limits?: CreditLimits;
}

const REQUIREMENTS: Record<string, string> = {
	hunter: 'Hunter finds emails from a first and last name with a company domain',
};

export function stagesOf(providers: ProviderModule[]): Array<Stage<PersonLookup>> {
	return providers.flatMap((module) =>
		stageOf(
			module,
			module.personEnricher,
			async (enricher, ctx, lookups, options) => await enricher.enrichPeople(ctx, lookups, options),
			REQUIREMENTS[module.provider] ?? `${module.displayName} needs an email, a LinkedIn URL, or a name with a company`,
		),
	);
}

/** What the input already tells about the person; the waterfall never pays for it again. */
function seedOf(lookup: PersonLookup): Pick<Merged, 'person' | 'company'> {
	return {
		person: {
			email: lookup.email,
			firstName: lookup.firstName,
			lastName: lookup.lastName,
			fullName: lookup.fullName,
			linkedinUrl: lookup.linkedinUrl,
			companyName: lookup.companyName,
			companyDomain: lookup.domain,
			ids: lookup.ids,
		},
		company: {},
	};
}

/** What is known of a person before any provider is asked. */
export const inputOnly = (lookup: PersonLookup): Merged => seededMerged(compact(seedOf(lookup).person), {});

/** A person an earlier run asked about: passed on as the input gave it, marked known, at no cost. */
function knownRecord(lookup: PersonLookup, known: KnownLookup, rules: StopRules): EnrichedRecord {
	const merged = inputOnly(lookup);
	return {
		person: compact(merged.person),
		company: {},
		enrichment: {
			sources: merged.sources,
			attempts: [],
			creditsSpent: 0,
			complete: isSatisfied(merged, rules),
			missing: missingFields(merged, rules),
			known,
		},
		raw: {},
	};
}

/**
 * Enriches one person per input item: validates, shares one lookup between identical inputs,
 * passes over people the memory knows, runs the waterfall, optionally verifies emails, remembers
 * who was asked about, and reports per item what was found where and what it cost. Bad items come
 * back as problems; the others are unaffected.
 */
export async function enrichPeople(ctx: TransportContext, inputs: PersonInput[], config: PersonEnrichmentConfig): Promise<ItemOutcome[]> {
	const { unique, slots } = deduplicate(inputs.map(parsePerson), personKey);
	const known = unique.map((lookup) => (config.memory ? recallPerson(config.memory, lookup) : undefined));
	const budget = config.limits && new CreditBudget(config.limits);
	const checks = config.verifier && emailChecks(ctx, config.verifier, config.rules, config.verifyFound ?? false, config.options, budget);
	const subjects = await runWaterfall(
		ctx,
		unique.filter((_, index) => known[index] === undefined),
		{
			stages: stagesOf(config.providers),
			isDone: (subject) => isSatisfied(subject.merged, config.rules),
			seed: seedOf,
			nextLookup: (subject) => personLookupAfter(subject.lookup, subject.merged.person, subject.merged.company),
			emails: config.rules,
			afterStage: checks?.check,
			options: config.options,
			budget,
		},
	);
	// Someone the budget kept a provider from is left for the next run to ask about in full.
	if (config.memory)
		for (const subject of subjects) if (!subject.attempts.some((attempt) => attempt.budgetReached)) rememberPerson(config.memory, subject);

	const enriched = subjects.map((subject): EnrichedRecord => {
		const missing = missingFields(subject.merged, config.rules);
		const report = reportOf(subject, isSatisfied(subject.merged, config.rules), missing);
		return {
			person: compact(subject.merged.person),
			company: compact(subject.merged.company),
			enrichment: { ...report, ...checks?.reportOf(subject) },
			raw: subject.raw,
		};
	});
	const records = unique.map((lookup, index) => {
		const knownLookup = known[index];
		return knownLookup ? knownRecord(lookup, knownLookup, config.rules) : enriched.shift()!;
	});
	return perItem(slots, records);
}
