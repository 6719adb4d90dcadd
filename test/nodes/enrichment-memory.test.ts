import type { IDataObject, NodeExecutionHint } from 'n8n-workflow';

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
const NODE_KEY = 'node:B2B Enrichment';
const people = () => identifiablePeople(sandbox).filter((person) => person.email !== null && person.knownBy.apollo);
const asInput = (person: FixturePerson) => leadOf(sandbox, person);
const enrich = { resource: 'person', operation: 'enrich', providers: ['apollo', 'hunter'], inputMode: 'auto', wanted: ['email'] };
/** Apollo's bulk_match lookups sent so far, person by person. */
const apolloLookups = () =>
	sandbox
		.requests({ provider: 'apollo', pathIncludes: 'bulk_match' })
		.reduce((sum, entry) => sum + (entry.body as { details: unknown[] }).details.length, 0);
const enrichment = (json: IDataObject) => json.enrichment as { creditsSpent: number; known?: { enrichedOn: string; providers: string[] } };
const today = new Date().toISOString().slice(0, 10);

/** Moves every remembered day back, as if the runs had happened `days` ago. */
function age(staticData: IDataObject, days: number): void {
	const stored = (staticData[NODE_KEY] as IDataObject).enrichedPeople as Record<string, number>;
	for (const key of Object.keys(stored)) stored[key] -= days * 64;
}

describe('B2B Enrichment: Skip People Enriched in the Last N Days', () => {
	it('a second run pays nothing for the same people, and passes each on marked known with when and by whom', async () => {
		const leads = people().slice(0, 20).map(asInput);
		const staticData: IDataObject = {};
		const first = await runWithSandbox(sandbox, node, enrich, leads, { staticData, mode: 'trigger' });
		const paidFirst = sandbox.stats().credits.apollo ?? 0;
		expect(paidFirst).toBeGreaterThan(0);
		expect(first.every((item) => enrichment(item.json).known === undefined)).toBe(true);
		const lookupsFirst = apolloLookups();

		const second = await runWithSandbox(sandbox, node, enrich, leads, { staticData, mode: 'trigger' });
		expect(apolloLookups()).toBe(lookupsFirst);
		expect(sandbox.stats().credits.apollo ?? 0).toBe(paidFirst);
		expect(second).toHaveLength(20);
		second.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(enrichment(item.json)).toMatchObject({
				creditsSpent: 0,
				known: { enrichedOn: today, providers: expect.arrayContaining(['apollo']) },
			});
			expect(item.json.person).toMatchObject({ firstName: leads[index].first_name });
		});
	});

	it('a run with new people among the known ones pays only for the new', async () => {
		const all = people().slice(0, 25).map(asInput);
		const staticData: IDataObject = {};
		await runWithSandbox(sandbox, node, enrich, all.slice(0, 20), { staticData, mode: 'trigger' });
		const before = apolloLookups();
		const output = await runWithSandbox(sandbox, node, enrich, all, { staticData, mode: 'trigger' });
		expect(apolloLookups() - before).toBe(5);
		expect(output.filter((item) => enrichment(item.json).known !== undefined)).toHaveLength(20);
	});

	it('recognises a person by the email found for them, whatever input named them first', async () => {
		const person = people()[0];
		const staticData: IDataObject = {};
		await runWithSandbox(sandbox, node, enrich, [asInput(person)], { staticData, mode: 'trigger' });
		const before = apolloLookups();
		const [again] = await runWithSandbox(sandbox, node, enrich, [{ email: person.email }], { staticData, mode: 'trigger' });
		expect(apolloLookups()).toBe(before);
		expect(enrichment(again.json).known).toBeDefined();
	});

	it('keeps a person for the days set, today included, and stores nobody older', async () => {
		const leads = people().slice(0, 3).map(asInput);
		const staticData: IDataObject = {};
		await runWithSandbox(sandbox, node, enrich, leads, { staticData, mode: 'trigger' });
		age(staticData, 2);
		const lookups = apolloLookups();
		const inWindow = await runWithSandbox(sandbox, node, { ...enrich, skipKnownDays: 3 }, leads, { staticData, mode: 'trigger' });
		expect(apolloLookups()).toBe(lookups);
		expect(enrichment(inWindow[0].json).known?.enrichedOn).not.toBe(today);
		const pastWindow = await runWithSandbox(sandbox, node, { ...enrich, skipKnownDays: 2 }, leads, { staticData, mode: 'trigger' });
		expect(apolloLookups()).toBe(lookups + 3);
		expect(pastWindow.every((item) => enrichment(item.json).known === undefined)).toBe(true);
		// Re-enriched today; the entries from two days ago were pruned, not kept beside them.
		const stored = (staticData[NODE_KEY] as IDataObject).enrichedPeople as Record<string, number>;
		expect(Object.values(stored).every((packed) => Math.floor(packed / 64) === Math.floor(Date.now() / 86_400_000))).toBe(true);
	});

	it('0 turns the memory off: the same people are paid for again and nobody is stored', async () => {
		const leads = people().slice(0, 3).map(asInput);
		const staticData: IDataObject = {};
		const off = { ...enrich, skipKnownDays: 0 };
		await runWithSandbox(sandbox, node, off, leads, { staticData, mode: 'trigger' });
		const lookups = apolloLookups();
		await runWithSandbox(sandbox, node, off, leads, { staticData, mode: 'trigger' });
		expect(apolloLookups()).toBe(lookups * 2);
		// Only the runs' anonymous counts, for Estimate Cost's hit rates.
		expect(Object.keys(staticData[NODE_KEY] as IDataObject)).toEqual(['creditHistory']);
	});

	it('warns, in a workflow whose trigger keeps replay ids, that saving the memory there can overwrite them, and only there', async () => {
		const leads = people().slice(0, 2).map(asInput);
		const warnings = async (upstream: Array<{ name: string; type: string }>) => {
			const hints: NodeExecutionHint[] = [];
			await runWithSandbox(sandbox, node, enrich, leads, { staticData: {}, mode: 'webhook', hints, upstream });
			return hints.filter((hint) => hint.message.includes('replay ids')).length;
		};
		expect(
			await warnings([
				{ name: 'HighLevel', type: 'n8n-nodes-halopsa-b2b.goHighLevelTrigger' },
				{ name: 'Set', type: 'n8n-nodes-base.set' },
			]),
		).toBe(1);
		expect(await warnings([{ name: 'Called', type: 'n8n-nodes-base.executeWorkflowTrigger' }])).toBe(0);
		expect(await warnings([])).toBe(0);
	});

	it('refuses a day count that is not a whole number of 0 or more, naming the parameter', async () => {
		await expect(runWithSandbox(sandbox, node, { ...enrich, skipKnownDays: -1 }, [asInput(people()[0])])).rejects.toThrow(
			'Skip People Enriched in the Last N Days must be a whole number of days, 0 or more',
		);
		expect(apolloLookups()).toBe(0);
	});
});
