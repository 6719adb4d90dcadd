import type { IDataObject, INodeParameters, NodeExecutionHint } from 'n8n-workflow';

import { B2bEnrichment } from '../../nodes/B2bEnrichment/B2bEnrichment.node';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { FixturePerson } from '../../sandbox/fixtures';
import { identifiablePeople, leadOf, runWithSandbox } from './run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const node = new B2bEnrichment();
const PROVIDERS = ['apollo', 'zoomInfo', 'hunter', 'upLead'] as const;
/** People Apollo knows with an email, whose name is unique at their company. */
const people = () => identifiablePeople(sandbox).filter((person) => person.email !== null && person.knownBy.apollo);
const asInput = (person: FixturePerson) => leadOf(sandbox, person);
const paid = () => sandbox.stats().credits;
const totalPaid = () => Object.values(paid()).reduce((sum, credits) => sum + (credits ?? 0), 0);
const enrichment = (json: IDataObject) =>
	json.enrichment as {
		creditsSpent: number;
		complete: boolean;
		budgetReached?: true;
		known?: object;
		attempts: Array<{ provider: string; status: string; reason?: string; budgetReached?: true }>;
	};
const byProvider = (output: Array<{ json: IDataObject }>) => Object.fromEntries(output.map((item) => [item.json.provider, item.json]));

describe('B2B Enrichment: Person > Estimate Cost', () => {
	const parameters = (operation: string, options: INodeParameters = {}): INodeParameters => ({
		resource: 'person',
		operation,
		providers: [...PROVIDERS],
		inputMode: 'auto',
		wanted: ['email', 'phone'],
		options: { verify: true, ...options },
	});

	it('makes no call at all, and its worst case is at least what Enrich then spends, provider by provider', async () => {
		sandbox.configure({ hunter: { verifierPendingPolls: 0 } });
		const leads = people().slice(0, 20).map(asInput);
		const estimate = await runWithSandbox(sandbox, node, parameters('estimate'), [...leads, leads[0]]);
		expect(sandbox.requests()).toHaveLength(0);
		expect(totalPaid()).toBe(0);

		expect(estimate.map((item) => item.json.provider)).toEqual([...PROVIDERS, 'total']);
		expect(estimate[0].pairedItem).toEqual(Array.from({ length: 21 }, (_, item) => ({ item })));
		const worst = byProvider(estimate);
		expect(worst.apollo).toMatchObject({ distinctLookups: 20, batches: 2, worstCaseCredits: 20, basis: 'worst case', knownSkipped: 0 });
		// Name and domain only: ZoomInfo resolves each company first.
		expect(worst.zoomInfo.worstCaseCredits).toBe(20 + new Set(leads.map((lead) => lead.website)).size);
		expect(worst.hunter).toMatchObject({ distinctLookups: 20, batches: 20, verifications: 80, worstCaseCredits: 100 });
		expect(worst.total.worstCaseCredits).toBe(PROVIDERS.reduce((sum, provider) => sum + (worst[provider].worstCaseCredits as number), 0));

		const output = await runWithSandbox(sandbox, node, parameters('enrich'), leads);
		expect(totalPaid()).toBeGreaterThan(0);
		for (const provider of PROVIDERS) expect(paid()[provider] ?? 0).toBeLessThanOrEqual(worst[provider].worstCaseCredits as number);
		expect(output.reduce((sum, item) => sum + enrichment(item.json).creditsSpent, 0)).toBe(totalPaid());
		expect(totalPaid()).toBeLessThanOrEqual(worst.total.worstCaseCredits as number);
	});

	it('counts the people the memory knows as skipped, at no cost, expects from past hit rates, and writes nothing', async () => {
		const leads = people().slice(0, 15).map(asInput);
		const staticData: IDataObject = {};
		const enrich = { resource: 'person', operation: 'enrich', providers: ['apollo', 'hunter'], inputMode: 'auto', wanted: ['email'] };
		await runWithSandbox(sandbox, node, enrich, leads.slice(0, 10), { staticData, mode: 'trigger' });
		const stored = JSON.stringify(staticData);
		const requests = sandbox.requests().length;

		const estimate = byProvider(
			await runWithSandbox(sandbox, node, { ...enrich, operation: 'estimate' }, leads, { staticData, mode: 'trigger' }),
		);
		expect(sandbox.requests()).toHaveLength(requests);
		expect(JSON.stringify(staticData)).toBe(stored);
		expect(estimate.apollo).toMatchObject({ distinctLookups: 5, worstCaseCredits: 5, knownSkipped: 10, basis: 'hit rate over 10 lookups' });
		expect(estimate.apollo.expectedCredits).toBeLessThanOrEqual(5);
		expect(estimate.total).toMatchObject({ distinctLookups: 5, knownSkipped: 10, basis: 'hit rate over 10 lookups' });
	});
});

describe('B2B Enrichment: Max Credits', () => {
	const enrich = (options: INodeParameters, providers = ['apollo']): INodeParameters => ({
		resource: 'person',
		operation: 'enrich',
		providers,
		inputMode: 'auto',
		wanted: ['email'],
		options,
	});

	it('with Max Credits per Run 10 on 30 leads spends at most 10; the rest come out budget reached, not failed; the next run pays for them', async () => {
		const leads = people().slice(0, 30).map(asInput);
		const staticData: IDataObject = {};
		const hints: NodeExecutionHint[] = [];
		const first = await runWithSandbox(sandbox, node, enrich({ maxCredits: 10 }), leads, { staticData, mode: 'trigger', hints });
		expect(paid().apollo).toBeGreaterThan(0);
		expect(paid().apollo).toBeLessThanOrEqual(10);
		expect(first).toHaveLength(30);
		expect(first.every((item) => item.json.error === undefined)).toBe(true);
		const held = first.filter((item) => enrichment(item.json).budgetReached);
		expect(held.length).toBeGreaterThanOrEqual(20);
		for (const item of held) {
			expect(enrichment(item.json)).toMatchObject({ creditsSpent: 0, complete: false });
			expect(enrichment(item.json).attempts).toEqual([
				expect.objectContaining({
					provider: 'apollo',
					status: 'skipped',
					budgetReached: true,
					reason: expect.stringMatching(/^budget reached: /),
				}),
			]);
		}
		expect(hints).toContainEqual({
			message: expect.stringMatching(
				new RegExp(`^Credit budget reached: ${held.length} of 30 items were not asked about in full \\(Apollo\\)`),
			),
			type: 'warning',
			location: 'outputPane',
		});

		const paidFirst = paid().apollo!;
		const second = await runWithSandbox(sandbox, node, enrich({}), leads, { staticData, mode: 'trigger' });
		const heldIndexes = held.map((item) => (item.pairedItem as { item: number }).item);
		for (const index of heldIndexes) {
			expect(enrichment(second[index].json).known).toBeUndefined();
			expect(enrichment(second[index].json).creditsSpent).toBe(1);
		}
		expect(second.filter((item) => enrichment(item.json).known !== undefined)).toHaveLength(30 - held.length);
		expect(paid().apollo).toBe(paidFirst + held.length);
	});

	it('holds a provider to its own limit; the next provider is still asked about the others', async () => {
		const leads = people()
			.filter((person) => person.knownBy.hunter)
			.slice(0, 12)
			.map(asInput);
		const hints: NodeExecutionHint[] = [];
		const options = { providerMaxCredits: { limits: [{ provider: 'apollo', maxCredits: 5 }] }, catchAll: 'accept', guessed: 'accept' };
		const output = await runWithSandbox(sandbox, node, enrich(options, ['apollo', 'hunter']), leads, { hints });
		expect(paid().apollo).toBeLessThanOrEqual(5);
		const held = output.filter((item) => enrichment(item.json).budgetReached);
		expect(held.length).toBeGreaterThanOrEqual(7);
		expect(
			held.every(
				(item) =>
					enrichment(item.json)
						.attempts.map((attempt) => attempt.provider)
						.join() === 'apollo,hunter',
			),
		).toBe(true);
		expect(sandbox.requests({ provider: 'hunter', pathIncludes: 'email-finder' }).length).toBeGreaterThanOrEqual(held.length);
		expect(hints).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^Credit budget reached: .*\(Apollo\)/) }));
	});

	it('holds Company > Enrich to Max Credits per Run too', async () => {
		const domains = sandbox.fixtures.companies.slice(0, 8).map((company) => ({ domain: company.domain }));
		const output = await runWithSandbox(
			sandbox,
			node,
			{
				resource: 'company',
				operation: 'enrich',
				providers: ['apollo'],
				inputMode: 'auto',
				companyWanted: ['industry'],
				options: { maxCredits: 3 },
			},
			domains,
		);
		expect(output.reduce((sum, item) => sum + enrichment(item.json).creditsSpent, 0)).toBeLessThanOrEqual(3);
		expect(sandbox.requests({ provider: 'apollo', pathIncludes: 'organizations/enrich' }).length).toBeLessThanOrEqual(3);
		expect(output.filter((item) => enrichment(item.json).budgetReached)).toHaveLength(5);
	});

	it.each([
		[{ maxCredits: -1 }, 'Max Credits per Run must be a whole number of credits, 0 (no limit) or more, not -1'],
		[{ maxCredits: 'ten' }, 'Max Credits per Run must be a whole number of credits, 0 (no limit) or more, not "ten"'],
		[
			{ providerMaxCredits: { limits: [{ provider: 'apollo', maxCredits: 2.5 }] } },
			'Max Credits per Provider (Apollo) must be a whole number of credits, 0 (no limit) or more, not 2.5',
		],
		[
			{
				providerMaxCredits: {
					limits: [
						{ provider: 'hunter', maxCredits: 1 },
						{ provider: 'hunter', maxCredits: 2 },
					],
				},
			},
			'Max Credits per Provider lists Hunter twice',
		],
	])('refuses %j before any call, naming the parameter', async (options, message) => {
		const lead = [asInput(people()[0])];
		await expect(runWithSandbox(sandbox, node, enrich(options), lead)).rejects.toThrow(message);
		await expect(runWithSandbox(sandbox, node, { ...enrich(options), operation: 'estimate' }, lead)).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
