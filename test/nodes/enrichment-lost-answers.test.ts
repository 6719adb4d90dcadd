import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { EnrichmentReport } from '../../lib/enrichment';
import { B2bEnrichment } from '../../nodes/B2bEnrichment/B2bEnrichment.node';
import { startSandbox } from '../../sandbox/server';
import type { FixturePerson, Sandbox } from '../../sandbox/server';
import { lostAnswerFaults } from '../faults/fixtures';
import { identifiablePeople, leadOf, runWithSandbox } from './run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const node = new B2bEnrichment();
/** People Apollo finds by name and company domain: a lost lookup of theirs cost what the worst case says. */
const apolloFinds = () => identifiablePeople(sandbox).filter((person) => person.knownBy.apollo);
const asInput = (person: FixturePerson) => leadOf(sandbox, person);
const enrich = (options: INodeParameters = {}) => ({
	resource: 'person',
	operation: 'enrich',
	providers: ['apollo'],
	inputMode: 'auto',
	wanted: ['title'],
	options,
});
const reportOf = (item: INodeExecutionData) => item.json.enrichment as unknown as EnrichmentReport;
const spent = (output: INodeExecutionData[]) => output.reduce((sum, item) => sum + reportOf(item).creditsSpent, 0);
const bulkCalls = () => sandbox.requests({ provider: 'apollo', pathIncludes: 'bulk_match' });
const paid = () => sandbox.stats().credits.apollo;
type Detail = { first_name: string; last_name: string; domain: string };
const keyOf = (detail: Detail) => `${detail.first_name} ${detail.last_name} @${detail.domain}`;
const personKey = (person: FixturePerson) =>
	keyOf({ first_name: person.firstName, last_name: person.lastName, domain: sandbox.fixtures.company(person.companyId)!.domain });
const detailsOf = (entries: ReturnType<typeof bulkCalls>) => entries.flatMap((entry) => (entry.body as { details: Detail[] }).details);
/** The people of the bulk_match call whose answer the sandbox dropped. */
const lostPeople = () => new Set(detailsOf(bulkCalls().filter((entry) => entry.fault === 'dropAfterWrite')).map(keyOf));
const LOST =
	'Apollo: answer lost, not re-sent to avoid paying twice (the connection was dropped); 1 lost answer: counted as 1 credit, what the ' +
	'lookup costs if found';

describe('B2B Enrichment: a paid answer lost after Apollo charged for it (30 people, one of three bulk_match answers lost)', () => {
	beforeEach(() => sandbox.configure({ faults: lostAnswerFaults('apollo', [true]) }));

	it('by default (Do Not Send Again) pays once: the lost batch is not sent again and its items carry the error', async () => {
		const people = apolloFinds().slice(0, 30);
		const output = await runWithSandbox(sandbox, node, enrich(), people.map(asInput), { continueOnFail: true });

		expect(bulkCalls().map((entry) => entry.fault ?? entry.status)).toEqual(['dropAfterWrite', 200, 200]);
		expect(paid()).toBe(30);
		const lost = lostPeople();
		expect(lost.size).toBe(10);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (lost.has(personKey(people[index]))) {
				expect(item.json.error).toBe(`Item ${index}: ${LOST}`);
				expect(reportOf(item).attempts).toEqual([
					{ provider: 'apollo', status: 'error', credits: 1, failed: true, lost: { sends: 1, credits: 1 }, reason: LOST },
				]);
			} else {
				expect(item.json.error).toBeUndefined();
				expect(item.json.person).toMatchObject({ title: people[index].title });
			}
		});
		// What the lost batch cost is counted, though its answer never came.
		expect(spent(output)).toBe(paid());
	});

	it('without Continue On Fail, stops the node with that error', async () => {
		await expect(runWithSandbox(sandbox, node, enrich(), apolloFinds().slice(0, 30).map(asInput))).rejects.toThrow(
			/^Item \d+: Apollo: answer lost, not re-sent to avoid paying twice/,
		);
	});

	it('Send Again (May Pay Twice) pays twice for the lost batch, and the items count every credit paid', async () => {
		const people = apolloFinds().slice(0, 30);
		const output = await runWithSandbox(sandbox, node, enrich({ lostPaidAnswers: 'sendAgain' }), people.map(asInput));

		expect(bulkCalls().map((entry) => entry.fault ?? entry.status)).toEqual(['dropAfterWrite', 200, 200, 200]);
		// As the issue measured: 30 people, 40 credits.
		expect(paid()).toBe(40);
		expect(spent(output)).toBe(paid());
		expect(output.every((item) => item.json.error === undefined)).toBe(true);
		const lost = lostPeople();
		const twice = output.filter((_, index) => lost.has(personKey(people[index])));
		expect(twice).toHaveLength(10);
		for (const item of twice)
			expect(reportOf(item).attempts).toEqual([
				{
					provider: 'apollo',
					status: 'matched',
					credits: 2,
					lost: { sends: 1, credits: 1 },
					reason: '1 lost answer, sent again: counted as 1 credit more, what the answer cost',
				},
			]);
	});

	it('does not remember the people whose answer never came: the next run asks Apollo about them, and only them', async () => {
		const people = apolloFinds().slice(0, 30);
		const staticData: IDataObject = {};
		await runWithSandbox(sandbox, node, enrich(), people.map(asInput), { staticData, mode: 'trigger', continueOnFail: true });
		const lost = lostPeople();

		sandbox.reset();
		const second = await runWithSandbox(sandbox, node, enrich(), people.map(asInput), { staticData, mode: 'trigger' });
		expect(detailsOf(bulkCalls()).map(keyOf).sort()).toEqual([...lost].sort());
		expect(second.filter((item) => reportOf(item).known !== undefined)).toHaveLength(20);
		expect(second.every((item) => item.json.error === undefined)).toBe(true);
	});
});

describe('B2B Enrichment: Company > Enrich shares the option', () => {
	const parameters = (options: INodeParameters = {}) => ({
		resource: 'company',
		operation: 'enrich',
		providers: ['zoomInfo'],
		inputMode: 'auto',
		companyWanted: ['industry'],
		options,
	});
	const enrichCalls = () => sandbox.requests({ provider: 'zoomInfo', pathIncludes: '/enrich/company' });
	const domains = () => sandbox.fixtures.companies.slice(0, 30).map((company) => ({ domain: company.domain }));
	beforeEach(() => sandbox.configure({ faults: lostAnswerFaults('zoomInfo', [true]) }));

	it('by default a ZoomInfo batch whose answer was lost is not sent again, and its companies carry the error', async () => {
		const output = await runWithSandbox(sandbox, node, parameters(), domains(), { continueOnFail: true });
		const [dropped, ...answered] = enrichCalls();
		expect([dropped.fault, ...answered.map((entry) => entry.status)]).toEqual(['dropAfterWrite', 200]);
		const lost = new Set(
			(dropped.body as { matchCompanyInput: Array<{ companyWebsite: string }> }).matchCompanyInput.map((input) => input.companyWebsite),
		);
		const failed = output.filter((item) => item.json.error !== undefined);
		expect(failed.map((item) => (item.json.company as { domain: string }).domain).sort()).toEqual([...lost].sort());
		expect(failed.every((item) => /ZoomInfo: answer lost, not re-sent to avoid paying twice/.test(String(item.json.error)))).toBe(true);
	});

	it('Send Again sends it again, and the companies count every record paid', async () => {
		const output = await runWithSandbox(sandbox, node, parameters({ lostPaidAnswers: 'sendAgain' }), domains());
		expect(enrichCalls()).toHaveLength(3);
		expect(spent(output)).toBe(sandbox.stats().credits.zoomInfo);
	});
});
