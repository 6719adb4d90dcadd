import { addHistory, enrichPeople, estimatePeople, personKeys, readHistory, tallyRun } from '../../lib/enrichment';
import type { CostEstimate, ItemOutcome, LookupMemory, PersonEnrichmentConfig, StopRules } from '../../lib/enrichment';
import { KeyedMemory } from '../../lib/memory/keyed-memory';
import { ctx, fakeProvider, fakeVerifier } from './fakes';

const rules = (overrides: Partial<StopRules> = {}): StopRules => ({
	wanted: ['title'],
	stopAtVerifiedEmail: false,
	catchAll: 'accept',
	guessed: 'accept',
	...overrides,
});
const named = (index: number) => ({ firstName: `P${index}`, lastName: 'Q', domain: 'x.io' });
const byProvider = (estimates: CostEstimate[]) => Object.fromEntries(estimates.map((estimate) => [estimate.provider, estimate]));

/** Apollo takes anyone (10 a call); Hunter only a name with a domain, which Apollo's answer may give it. */
function waterfall() {
	const apollo = fakeProvider(
		'apollo',
		(lookup) => (lookup.email ? { firstName: 'E', lastName: 'Q', companyDomain: 'x.io' } : { title: 'CTO' }),
		{
			batchSize: 10,
		},
	);
	const hunter = fakeProvider('hunter', () => ({ title: 'Chief' }), { accepts: (lookup) => Boolean(lookup.firstName && lookup.domain) });
	return { apollo, hunter, providers: [apollo.module, hunter.module] };
}

describe('estimatePeople', () => {
	const inputs = [
		...Array.from({ length: 10 }, (_, index) => named(index)),
		named(0),
		named(1),
		{ email: 'e1@x.io' },
		{ email: 'e2@x.io' },
	];

	it('counts each distinct person once for every provider that may be asked, at its highest charge, and the total', () => {
		const { providers } = waterfall();
		const estimates = estimatePeople(inputs, { providers, rules: rules(), options: {} });
		expect(estimates).toEqual([
			{ provider: 'apollo', distinctLookups: 12, batches: 2, worstCaseCredits: 12, basis: 'worst case', knownSkipped: 0 },
			// The two known by email only reach Hunter once Apollo has given a name: counted, as they may.
			{ provider: 'hunter', distinctLookups: 12, batches: 12, worstCaseCredits: 12, basis: 'worst case', knownSkipped: 0 },
			{ provider: 'total', distinctLookups: 12, batches: 14, worstCaseCredits: 24, basis: 'worst case', knownSkipped: 0 },
		]);
	});

	it('makes no call, and its worst case is at least what Enrich then spends', async () => {
		const { apollo, hunter, providers } = waterfall();
		const config: PersonEnrichmentConfig = { providers, rules: rules({ wanted: ['title', 'email'] }), options: {} };
		const estimates = byProvider(estimatePeople(inputs, config));
		expect([...apollo.calls, ...hunter.calls]).toHaveLength(0);
		const outcomes = await enrichPeople(ctx, inputs, config);
		const spentOn = (provider: string) =>
			outcomes.reduce(
				(sum, outcome) =>
					sum +
					('record' in outcome
						? outcome.record.enrichment.attempts.filter((a) => a.provider === provider).reduce((s, a) => s + a.credits, 0)
						: 0),
				0,
			);
		expect(spentOn('apollo')).toBeGreaterThan(0);
		expect(spentOn('apollo')).toBeLessThanOrEqual(estimates.apollo.worstCaseCredits);
		expect(spentOn('hunter')).toBeLessThanOrEqual(estimates.hunter.worstCaseCredits);
	});

	it('counts nothing for a person whose input already has every wanted field', () => {
		const { providers } = waterfall();
		const estimates = byProvider(
			estimatePeople([{ email: 'e1@x.io' }, named(1)], { providers, rules: rules({ wanted: ['email'] }), options: {} }),
		);
		expect(estimates.total).toMatchObject({ distinctLookups: 1, worstCaseCredits: 2 });
	});

	it('passes over the people the memory knows, counted as skipped, and leaves the memory as it was', () => {
		const earlier = KeyedMemory.from({});
		for (const index of [0, 1, 2]) earlier.record(personKeys({ ...named(index), fullName: `P${index} Q` }), 20_000, 1);
		const stored = earlier.toJSON();
		const memoryOf: LookupMemory = { memory: KeyedMemory.from(stored), days: 30, today: 20_000 };
		const estimates = byProvider(
			estimatePeople(inputs, { providers: waterfall().providers, rules: rules(), options: {}, memory: memoryOf }),
		);
		expect(estimates.apollo).toMatchObject({ distinctLookups: 9, worstCaseCredits: 9, knownSkipped: 3 });
		expect(estimates.total).toMatchObject({ distinctLookups: 9, knownSkipped: 3 });
		expect(memoryOf.memory.isChanged).toBe(false);
		expect(memoryOf.memory.toJSON()).toEqual(stored);
	});

	it("adds a verification for each address any provider may find, and each input's with Verify Found Emails", () => {
		const config: PersonEnrichmentConfig = {
			providers: waterfall().providers,
			rules: rules(),
			options: {},
			verifier: fakeVerifier(() => 'verified'),
			verifyFound: true,
		};
		const estimates = byProvider(estimatePeople(inputs, config));
		expect(estimates.hunter).toMatchObject({ distinctLookups: 12, verifications: 2 + 24, worstCaseCredits: 12 + 26 });
		expect(estimates.total).toMatchObject({ verifications: 26, worstCaseCredits: 12 + 12 + 26 });
	});

	it('expects what past hit rates say, within the worst case, and says which it went by', () => {
		const history = { people: 100, providers: { apollo: { asked: 100, matched: 60, credits: 60 } } };
		const estimates = byProvider(estimatePeople(inputs, { providers: waterfall().providers, rules: rules(), options: {} }, history));
		expect(estimates.apollo).toMatchObject({ worstCaseCredits: 12, expectedCredits: 7, basis: 'hit rate over 100 lookups' });
		expect(estimates.hunter).toMatchObject({ basis: 'worst case' });
		expect(estimates.hunter).not.toHaveProperty('expectedCredits');
		expect(estimates.total).toMatchObject({ expectedCredits: 7 + 12, basis: 'hit rate over 100 lookups where known, else worst case' });
	});

	it('keeps the worst case within Max Credits, per provider and in all', () => {
		const estimates = byProvider(
			estimatePeople(inputs, {
				providers: waterfall().providers,
				rules: rules(),
				options: {},
				limits: { total: 15, providers: { apollo: 5 } },
			}),
		);
		expect(estimates.apollo).toMatchObject({ worstCaseCredits: 5, maxCredits: 5 });
		expect(estimates.hunter).toMatchObject({ worstCaseCredits: 12, maxCredits: 15 });
		expect(estimates.total).toMatchObject({ worstCaseCredits: 15, maxCredits: 15 });
	});
});

describe('the spend history behind the hit rates', () => {
	const record = (enrichment: object): ItemOutcome => ({
		itemIndex: 0,
		record: { enrichment: { sources: {}, attempts: [], creditsSpent: 0, complete: true, missing: [], ...enrichment }, raw: {} },
	});

	it("tallies the people who went down the waterfall in full, and every provider's asks, finds and credits", () => {
		const run = tallyRun(
			[
				record({
					attempts: [
						{ provider: 'apollo', status: 'noMatch', credits: 0 },
						{ provider: 'hunter', status: 'matched', credits: 1 },
						{ provider: 'hunter', status: 'matched', credits: 1, reason: 'email verification: verified' },
					],
				}),
				record({ attempts: [{ provider: 'apollo', status: 'matched', credits: 1 }] }),
				record({ attempts: [{ provider: 'apollo', status: 'matched', credits: 0 }], duplicateOfItem: 1 }),
				record({ known: { enrichedOn: '2026-01-01', providers: ['apollo'] } }),
				record({ attempts: [{ provider: 'apollo', status: 'skipped', credits: 0, budgetReached: true }], budgetReached: true }),
				{ itemIndex: 5, problem: { field: 'email', message: 'bad' } },
			],
			['apollo', 'hunter', 'upLead'],
		);
		expect(run).toEqual({
			people: 2,
			providers: {
				apollo: { asked: 2, matched: 1, credits: 1 },
				hunter: { asked: 2, matched: 2, credits: 2 },
				upLead: { asked: 0, matched: 0, credits: 0 },
			},
		});
	});

	it('adds runs up, halving everything past 10,000 people so that recent runs weigh more', () => {
		const run = { people: 4, providers: { apollo: { asked: 4, matched: 2, credits: 2 } } };
		expect(addHistory(addHistory(undefined, run), run)).toEqual({ people: 8, providers: { apollo: { asked: 8, matched: 4, credits: 4 } } });
		const long = { people: 9_998, providers: { apollo: { asked: 9_998, matched: 5_000, credits: 5_000 } } };
		expect(addHistory(long, run)).toEqual({ people: 5_001, providers: { apollo: { asked: 5_001, matched: 2_501, credits: 2_501 } } });
	});

	it('reads back what was stored, and ignores what is not a history', () => {
		const stored = { people: 3, providers: { apollo: { asked: 3, matched: 1, credits: 1 }, bogus: { asked: 1, matched: 1, credits: 1 } } };
		expect(readHistory(stored)).toEqual({ people: 3, providers: { apollo: { asked: 3, matched: 1, credits: 1 } } });
		for (const junk of [undefined, null, 'x', { people: -1, providers: {} }, { people: 0, providers: {} }, { people: 2 }])
			expect(readHistory(junk)).toBeUndefined();
	});
});
