import { enrichPeople, personKeys } from '../../lib/enrichment';
import type { LookupMemory } from '../../lib/enrichment';
import { CreditBudget } from '../../lib/enrichment/budget';
import type { EnrichedRecord } from '../../lib/enrichment/result';
import { KeyedMemory } from '../../lib/memory/keyed-memory';
import { ctx, fakeProvider, fakeVerifier, records, rules } from './fakes';

const leads = (count: number) => Array.from({ length: count }, (_, index) => ({ firstName: `P${index}`, lastName: 'Q', domain: 'x.io' }));
const spent = (outcomes: EnrichedRecord[]) => outcomes.reduce((sum, record) => sum + record.enrichment.creditsSpent, 0);
const perLookup = (count: number) => count;

describe('CreditBudget', () => {
	it('lets through what the limit covers at worst, and cuts the call that would pass it to what is left', async () => {
		const budget = new CreditBudget({ total: 10 });
		const first = await budget.allow('apollo', 8, perLookup);
		expect(first).toMatchObject({ count: 8, reason: undefined });
		first.settle(5);
		const second = await budget.allow('apollo', 8, perLookup);
		expect(second).toMatchObject({ count: 5, reason: "budget reached: the run's limit of 10 credits, 5 spent on apollo, 5 in all" });
		second.settle(5);
		expect((await budget.allow('hunter', 1, perLookup)).count).toBe(0);
	});

	it("holds each provider to its own limit, and all of them to the run's", async () => {
		const budget = new CreditBudget({ total: 6, providers: { apollo: 2 } });
		const apollo = await budget.allow('apollo', 5, perLookup);
		expect(apollo).toMatchObject({ count: 2, reason: "budget reached: apollo's limit of 2 credits, 0 spent on apollo, 0 in all" });
		apollo.settle(2);
		const hunter = await budget.allow('hunter', 5, perLookup);
		expect(hunter.count).toBe(4);
	});

	it('lets nothing through when one lookup costs more than is left (Apollo with phones, 9 a person)', async () => {
		const budget = new CreditBudget({ total: 5 });
		expect(await budget.allow('apollo', 3, (count) => count * 9)).toMatchObject({
			count: 0,
			reason: expect.stringMatching(/^budget reached/),
		});
	});

	it('waits for calls in flight before cutting one short, since they usually cost less than their worst case', async () => {
		const budget = new CreditBudget({ total: 10 });
		const inFlight = await budget.allow('apollo', 10, perLookup);
		const waiting = budget.allow('apollo', 10, perLookup);
		let answered = false;
		void waiting.then(() => (answered = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(answered).toBe(false);
		inFlight.settle(6);
		expect((await waiting).count).toBe(4);
	});

	it('counts what a call cost as settled, even past its worst case (a lost answer counted besides)', async () => {
		const budget = new CreditBudget({ total: 10 });
		(await budget.allow('apollo', 5, perLookup)).settle(8);
		expect((await budget.allow('apollo', 5, perLookup)).count).toBe(2);
	});
});

describe('person waterfall within a credit budget', () => {
	it('never spends past Max Credits: later items are skipped as budget reached, not failed, and cost nothing', async () => {
		const apollo = fakeProvider('apollo', () => ({ email: 'found@x.io', emailStatus: 'verified' }), { batchSize: 10 });
		const outcomes = records(
			await enrichPeople(ctx, leads(30), { providers: [apollo.module], rules: rules(), options: {}, limits: { total: 10 } }),
		);
		expect(apollo.calls.map((call) => call.length)).toEqual([10]);
		expect(spent(outcomes)).toBe(10);
		expect(outcomes.slice(10).every((record) => record.enrichment.budgetReached === true)).toBe(true);
		expect(outcomes[10].enrichment.attempts).toEqual([
			{
				provider: 'apollo',
				status: 'skipped',
				credits: 0,
				reason: "budget reached: the run's limit of 10 credits, 10 spent on apollo, 10 in all",
				budgetReached: true,
			},
		]);
		expect(outcomes[0].enrichment).not.toHaveProperty('budgetReached');
	});

	it('uses what a miss left over: the next batch is cut to the remaining credits', async () => {
		// Every other lead is a miss, which costs nothing.
		const apollo = fakeProvider('apollo', (lookup) => (Number(lookup.firstName!.slice(1)) % 2 === 0 ? { title: 'CTO' } : undefined), {
			batchSize: 10,
		});
		const outcomes = records(
			await enrichPeople(ctx, leads(30), {
				providers: [apollo.module],
				rules: rules({ wanted: ['title'] }),
				options: {},
				limits: { total: 10 },
			}),
		);
		// 5 found in the first ten, 3 in the next five, 1 in the last two.
		expect(apollo.calls.map((call) => call.length)).toEqual([10, 5, 2]);
		expect(spent(outcomes)).toBe(9);
		expect(outcomes.filter((record) => record.enrichment.budgetReached)).toHaveLength(13);
	});

	it("with a provider's own limit, the next provider is still asked about the people the first could not be", async () => {
		const apollo = fakeProvider('apollo', () => ({ email: 'a@x.io', emailStatus: 'verified' }), { batchSize: 10 });
		const hunter = fakeProvider('hunter', () => ({ email: 'h@x.io', emailStatus: 'verified' }));
		const outcomes = records(
			await enrichPeople(ctx, leads(15), {
				providers: [apollo.module, hunter.module],
				rules: rules(),
				options: {},
				limits: { providers: { apollo: 5 } },
			}),
		);
		expect(apollo.calls.flat()).toHaveLength(5);
		expect(hunter.calls).toHaveLength(10);
		expect(outcomes.map((record) => record.person?.email)).toEqual([...Array(5).fill('a@x.io'), ...Array(10).fill('h@x.io')]);
		expect(outcomes[5].enrichment).toMatchObject({ complete: true, budgetReached: true });
	});

	it('counts verifications against the budget too', async () => {
		const apollo = fakeProvider('apollo', (lookup) => ({ email: `${lookup.firstName}@x.io`, emailStatus: 'guessed' }), { batchSize: 10 });
		const verifier = fakeVerifier(() => 'verified');
		const outcomes = records(
			await enrichPeople(ctx, leads(10), {
				providers: [apollo.module],
				rules: rules({ guessed: 'verify' }),
				verifier,
				options: {},
				limits: { total: 13 },
			}),
		);
		expect(verifier.calls).toHaveLength(3);
		expect(spent(outcomes)).toBe(13);
		const skipped = outcomes[9].enrichment.attempts.find((attempt) => attempt.budgetReached);
		expect(skipped).toMatchObject({ provider: 'hunter', status: 'skipped', reason: expect.stringMatching(/^budget reached/) });
	});

	it('counts what the attempts say a batch cost, lost answers sent again included, and sends nothing more once it is spent', async () => {
		const apollo = fakeProvider('apollo', () => ({ title: 'CTO' }), { batchSize: 10 });
		const answer = apollo.module.personEnricher!.enrichPeople;
		// As under Lost Paid Answers: Send Again, each lookup answered on its second send and counted twice.
		apollo.module.personEnricher!.enrichPeople = async (c, lookups, o) =>
			(await answer(c, lookups, o)).map((outcome) => ({ ...outcome, credits: 2, lost: { sends: 1, credits: 1 } }));
		const outcomes = records(
			await enrichPeople(ctx, leads(20), {
				providers: [apollo.module],
				rules: rules({ wanted: ['title'] }),
				options: {},
				limits: { total: 10 },
			}),
		);
		expect(apollo.calls).toHaveLength(1);
		expect(spent(outcomes)).toBe(20);
		expect(outcomes.filter((record) => record.enrichment.budgetReached)).toHaveLength(10);
	});

	it('does not remember the people the budget kept a provider from, so the next run asks about them', async () => {
		const memory: LookupMemory = { memory: KeyedMemory.from({}), days: 30, today: 20_000 };
		const apollo = fakeProvider('apollo', () => ({ email: 'a@x.io', emailStatus: 'verified' }), { batchSize: 10 });
		const inputs = leads(15);
		await enrichPeople(ctx, inputs, { providers: [apollo.module], rules: rules(), options: {}, memory, limits: { total: 10 } });
		const remembered = inputs.map(
			(input) => memory.memory.recall(personKeys({ ...input, fullName: `${input.firstName} Q` })) !== undefined,
		);
		expect(remembered).toEqual([...Array(10).fill(true), ...Array(5).fill(false)]);

		const again = records(await enrichPeople(ctx, inputs, { providers: [apollo.module], rules: rules(), options: {}, memory }));
		expect(apollo.calls.map((call) => call.length)).toEqual([10, 5]);
		expect(again.slice(10).every((record) => record.enrichment.known === undefined && record.enrichment.creditsSpent === 1)).toBe(true);
	});
});
