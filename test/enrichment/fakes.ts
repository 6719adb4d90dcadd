import type { INode } from 'n8n-workflow';

import type { ItemOutcome, StopRules } from '../../lib/enrichment';
import type { EnrichedRecord } from '../../lib/enrichment/result';
import type { Person, ProviderName } from '../../lib/normalize';
import type { EmailVerifier, LookupOutcome, PersonLookup, ProviderModule } from '../../lib/sources/contracts';
import { ProviderApiError } from '../../lib/transport';
import type { TransportContext } from '../../lib/transport';

const NODE: INode = { id: 'n', name: 'Enrich', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
export const ctx = { getNode: () => NODE } as unknown as TransportContext;

export interface FakeProvider {
	module: ProviderModule;
	/** Every batch the provider was asked, as the lookups it received. */
	calls: PersonLookup[][];
}

/**
 * An in-memory provider: `answer` decides each lookup's outcome. `failAfter` makes every call
 * after that many fail with the given kind (quota, auth...), as a real provider's would.
 */
export function fakeProvider(
	provider: ProviderName,
	answer: (lookup: PersonLookup) => Person | undefined,
	options: {
		batchSize?: number;
		accepts?: (lookup: PersonLookup) => boolean;
		failAfter?: number;
		failKind?: 'quotaExhausted' | 'auth' | 'server';
	} = {},
): FakeProvider {
	const calls: PersonLookup[][] = [];
	const module: ProviderModule = {
		provider,
		displayName: provider,
		credentialType: `${provider}Cred`,
		usage: { provider, getUsage: async () => ({ provider, figures: [], raw: {} }) },
		personEnricher: {
			provider,
			batchSize: options.batchSize ?? 1,
			accepts: options.accepts ?? (() => true),
			// A match costs 1 (below), a miss nothing.
			maxCredits: (lookups) => lookups.length,
			enrichPeople: async (_ctx, lookups): Promise<LookupOutcome[]> => {
				calls.push(lookups);
				if (options.failAfter !== undefined && calls.length > options.failAfter) {
					throw new ProviderApiError(NODE, {
						provider,
						kind: options.failKind ?? 'quotaExhausted',
						message: `${provider}: out of credits (HTTP 429)`,
					});
				}
				return lookups.map((lookup) => {
					const person = answer(lookup);
					return person
						? { status: 'matched', credits: 1, record: { person, raw: { from: provider, lookup } } }
						: { status: 'noMatch', credits: 0 };
				});
			},
		},
	};
	return { module, calls };
}

export function fakeVerifier(statusOf: (email: string) => 'verified' | 'invalid' | 'catchAll'): EmailVerifier & { calls: string[] } {
	const calls: string[] = [];
	return {
		provider: 'hunter',
		creditsPerVerification: 1,
		calls,
		verifyEmail: async (_ctx, email) => {
			calls.push(email);
			return { email, status: statusOf(email), score: 90, raw: {} };
		},
	};
}

/** Stop rules for an email waterfall that accepts any address found, with `overrides`. */
export const rules = (overrides: Partial<StopRules> = {}): StopRules => ({
	wanted: ['email'],
	stopAtVerifiedEmail: false,
	catchAll: 'accept',
	guessed: 'accept',
	...overrides,
});

/** The items' records; an item with a problem fails the test, naming it. */
export function records(outcomes: ItemOutcome[]): EnrichedRecord[] {
	return outcomes.map((outcome) => {
		if (!('record' in outcome)) throw new Error(`item ${outcome.itemIndex} has a problem: ${outcome.problem.message}`);
		return outcome.record;
	});
}
