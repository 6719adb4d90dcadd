import { compact } from '../normalize';
import type { EmailVerifier, LookupOptions, PersonLookup, ProviderModule } from '../sources/contracts';
import { asNodeError, isProviderApiError } from '../transport';
import type { TransportContext } from '../transport';
import { mapLimit } from '../util/map-limit';
import { deduplicate } from './dedupe';
import { parsePerson, personKey, personLookupAfter } from './lookups';
import type { PersonInput } from '../normalize';
import { perItem, reportOf } from './result';
import type { EnrichedRecord, ItemOutcome } from './result';
import { runWaterfall, stageOf } from './waterfall';
import type { Stage, Subject } from './waterfall';
import { isSatisfied, missingFields } from './wanted';
import type { StopRules } from './wanted';

export interface PersonEnrichmentConfig {
	/** Providers in the order they are asked; one for a single-provider run. */
	providers: ProviderModule[];
	rules: StopRules;
	/** Verifies found emails that are not already verified (or known invalid). */
	verifier?: EmailVerifier;
	options: LookupOptions;
}

const REQUIREMENTS: Record<string, string> = {
	hunter: 'Hunter finds emails from a first and last name with a company domain',
};

function stagesOf(providers: ProviderModule[]): Array<Stage<PersonLookup>> {
	return providers.flatMap((module) =>
		stageOf(
			module,
			module.personEnricher,
			async (enricher, ctx, lookups, options) => await enricher.enrichPeople(ctx, lookups, options),
			REQUIREMENTS[module.provider] ?? `${module.displayName} needs an email, a LinkedIn URL, or a name with a company`,
		),
	);
}

/**
 * Verifies each distinct found email once. A verifier whose quota runs out stops verifying; the
 * emails it did not reach keep the status their provider gave.
 */
async function verifyEmails(
	ctx: TransportContext,
	subjects: Array<Subject<PersonLookup>>,
	verifier: EmailVerifier,
	options: LookupOptions,
): Promise<Map<Subject<PersonLookup>, EnrichedRecord['enrichment']['verification']>> {
	const verifications = new Map<Subject<PersonLookup>, EnrichedRecord['enrichment']['verification']>();
	const byEmail = new Map<string, Array<Subject<PersonLookup>>>();
	for (const subject of subjects) {
		const { email, emailStatus } = subject.merged.person;
		if (email === undefined || emailStatus === 'verified' || emailStatus === 'invalid') continue;
		byEmail.set(email, [...(byEmail.get(email) ?? []), subject]);
	}
	let stoppedBecause: string | undefined;
	await mapLimit([...byEmail.entries()], 2, async ([email, sharing]) => {
		if (stoppedBecause !== undefined) {
			for (const subject of sharing)
				subject.attempts.push({ provider: verifier.provider, status: 'skipped', credits: 0, reason: stoppedBecause });
			return;
		}
		try {
			const result = await verifier.verifyEmail(ctx, email, { maxAttempts: options.maxAttempts });
			sharing.forEach((subject, index) => {
				subject.merged.person.emailStatus = result.status;
				if (result.score !== undefined) subject.merged.person.emailConfidence = result.score;
				subject.merged.sources.emailStatus = verifier.provider;
				// One paid verification, however many subjects share the address.
				subject.attempts.push({
					provider: verifier.provider,
					status: 'matched',
					credits: index === 0 ? 1 : 0,
					reason: `email verification: ${result.status}`,
				});
				verifications.set(subject, { provider: verifier.provider, status: result.status, score: result.score });
			});
		} catch (error) {
			if (!isProviderApiError(error)) throw asNodeError(ctx.getNode(), error);
			if (isProviderApiError(error, 'quotaExhausted') || isProviderApiError(error, 'auth'))
				stoppedBecause = `verification stopped for this run: ${error.message}`;
			for (const subject of sharing)
				subject.attempts.push({ provider: verifier.provider, status: 'error', credits: 0, reason: error.message });
		}
	});
	return verifications;
}

/**
 * Enriches one person per input item: validates, shares one lookup between identical inputs,
 * runs the waterfall, optionally verifies emails, and reports per item what was found where
 * and what it cost. Bad items come back as problems; the others are unaffected.
 */
export async function enrichPeople(ctx: TransportContext, inputs: PersonInput[], config: PersonEnrichmentConfig): Promise<ItemOutcome[]> {
	const { unique, slots } = deduplicate(inputs.map(parsePerson), personKey);
	const subjects = await runWaterfall(ctx, unique, {
		stages: stagesOf(config.providers),
		isDone: (subject) => isSatisfied(subject.merged, config.rules),
		seed: (lookup) => ({
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
		}),
		nextLookup: (subject) => personLookupAfter(subject.lookup, subject.merged.person, subject.merged.company),
		catchAll: config.rules.catchAll,
		options: config.options,
	});
	const verifications = config.verifier ? await verifyEmails(ctx, subjects, config.verifier, config.options) : new Map();

	const records = subjects.map((subject): EnrichedRecord => {
		const missing = missingFields(subject.merged, config.rules);
		const report = reportOf(subject, isSatisfied(subject.merged, config.rules), missing);
		const verification = verifications.get(subject);
		return {
			person: compact(subject.merged.person),
			company: compact(subject.merged.company),
			enrichment: verification ? { ...report, verification } : report,
			raw: subject.raw,
		};
	});
	return perItem(slots, records);
}
