import { B2bPeopleSearch } from '../../nodes/B2bPeopleSearch/B2bPeopleSearch.node';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { runWithSandbox } from './run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const node = new B2bPeopleSearch();
const ids = (
	output: Array<{ json: { person?: unknown; company?: unknown } }>,
	provider: 'apollo' | 'zoomInfo' | 'upLead',
	of: 'person' | 'company' = 'person',
) => output.map((item) => ((item.json[of] as { ids?: Record<string, string> }).ids ?? {})[provider]);

describe('B2B People Search', () => {
	it('Apollo: Return All follows the pages to the last one, 100 per call, one item per person', async () => {
		const directors = sandbox.fixtures.people.filter((person) => person.seniority === 'director');
		const output = await runWithSandbox(sandbox, node, {
			resource: 'person',
			operation: 'search',
			provider: 'apollo',
			returnAll: true,
			filters: { seniorities: ['director'] },
		});
		expect(output).toHaveLength(directors.length);
		expect(new Set(ids(output, 'apollo')).size).toBe(directors.length);
		const calls = sandbox.requests({ provider: 'apollo', pathIncludes: 'api_search' });
		expect(calls).toHaveLength(Math.ceil(directors.length / 100));
		expect(calls.every((entry) => (entry.body as { per_page: number }).per_page === 100)).toBe(true);
		expect(output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Apollo: a limit asks for no more than it needs', async () => {
		const output = await runWithSandbox(sandbox, node, {
			resource: 'person',
			operation: 'search',
			provider: 'apollo',
			returnAll: false,
			limit: 30,
			filters: { seniorities: ['manager'] },
		});
		expect(output).toHaveLength(30);
		const calls = sandbox.requests({ provider: 'apollo', pathIncludes: 'api_search' });
		expect(calls.map((entry) => (entry.body as { per_page: number }).per_page)).toEqual([30]);
	});

	it('ZoomInfo: pages through contact search with its own page size', async () => {
		const output = await runWithSandbox(sandbox, node, {
			resource: 'person',
			operation: 'search',
			provider: 'zoomInfo',
			returnAll: false,
			limit: 130,
			filters: {},
		});
		expect(output).toHaveLength(130);
		expect(new Set(ids(output, 'zoomInfo')).size).toBe(130);
		expect(sandbox.requests({ provider: 'zoomInfo', pathIncludes: '/search/contact' })).toHaveLength(2);
	});

	it('UpLead: searches the people of a company domain', async () => {
		const company = sandbox.fixtures.companies.find((entry) => sandbox.fixtures.peopleAt(entry.id).length >= 2)!;
		const output = await runWithSandbox(sandbox, node, {
			resource: 'person',
			operation: 'search',
			provider: 'upLead',
			returnAll: true,
			filters: { companyDomains: company.domain },
		});
		expect(output.length).toBeGreaterThanOrEqual(1);
		expect(output.every((item) => (item.json.company as { domain?: string }).domain === company.domain)).toBe(true);
	});

	it('one search per input item, each result paired with its item', async () => {
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'person', operation: 'search', provider: 'apollo', returnAll: false, limit: 2, filters: { seniorities: ['vp'] } },
			[{}, {}],
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
	});

	it('merges the additional provider fields into the request, and refuses JSON that is not an object', async () => {
		await runWithSandbox(sandbox, node, {
			resource: 'person',
			operation: 'search',
			provider: 'apollo',
			returnAll: false,
			limit: 5,
			filters: {},
			additionalFields: '{"contact_email_status": ["verified"]}',
		});
		expect(sandbox.requests({ provider: 'apollo', pathIncludes: 'api_search' })[0].body).toMatchObject({
			contact_email_status: ['verified'],
		});
		await expect(
			runWithSandbox(sandbox, node, {
				resource: 'person',
				operation: 'search',
				provider: 'apollo',
				returnAll: false,
				limit: 5,
				filters: {},
				additionalFields: '[1, 2]',
			}),
		).rejects.toThrow('Item 0: Additional Provider Fields must be a JSON object');
	});

	it('Company search: Apollo organizations and ZoomInfo companies by domain', async () => {
		const companies = sandbox.fixtures.companies.slice(0, 4);
		const search = async (provider: 'apollo' | 'zoomInfo') =>
			await runWithSandbox(sandbox, node, {
				resource: 'company',
				operation: 'search',
				provider,
				returnAll: true,
				companyFilters: { domains: companies.map((company) => company.domain).join(', ') },
			});
		const fromApollo = await search('apollo');
		expect(fromApollo.map((item) => (item.json.company as { domain: string }).domain).sort()).toEqual(
			companies.map((company) => company.domain).sort(),
		);
		// ZoomInfo's search answers ids and names; the details come from enrichment.
		const fromZoomInfo = await search('zoomInfo');
		expect(fromZoomInfo.map((item) => (item.json.company as { name: string }).name).sort()).toEqual(
			companies.map((company) => company.name).sort(),
		);
		expect(fromZoomInfo.every((item) => (item.json.company as { ids: { zoomInfo?: string } }).ids.zoomInfo !== undefined)).toBe(true);
	});

	it('with Continue On Fail, a failed search becomes an error item for its input', async () => {
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'person', operation: 'search', provider: 'apollo', returnAll: false, limit: 1, filters: {} },
			[{ id: 1 }],
			{
				continueOnFail: true,
				credentialOverrides: { b2bApolloApi: { apiKey: 'revoked-key' } },
			},
		);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ id: 1, error: expect.stringMatching(/^Apollo: .*\(HTTP 401\)/) });
	});
});

describe('B2B People Search: Only People Not Returned Before', () => {
	const search = (limit: number) => ({
		resource: 'person',
		operation: 'search',
		provider: 'apollo',
		returnAll: false,
		limit,
		onlyNew: true,
		filters: { seniorities: ['director'] },
	});

	it('a later run returns only people no earlier run returned, reading further pages to find them', async () => {
		const staticData = {};
		const first = await runWithSandbox(sandbox, node, search(30), [{}], { staticData, mode: 'trigger' });
		expect(first).toHaveLength(30);
		const second = await runWithSandbox(sandbox, node, search(30), [{}], { staticData, mode: 'trigger' });
		expect(second).toHaveLength(30);
		const firstIds = new Set(ids(first, 'apollo'));
		expect(ids(second, 'apollo').filter((id) => firstIds.has(id))).toEqual([]);
		// The first 30 of the search are passed over: the second run asks for full pages, not 30 at a time.
		const calls = sandbox.requests({ provider: 'apollo', pathIncludes: 'api_search' });
		expect((calls[calls.length - 1].body as { per_page: number }).per_page).toBe(100);
	});

	it('once everyone was returned, a run returns nothing; without the option everyone comes back', async () => {
		const directors = sandbox.fixtures.people.filter((person) => person.seniority === 'director').length;
		const staticData = {};
		const all = { ...search(0), returnAll: true };
		expect(await runWithSandbox(sandbox, node, all, [{}], { staticData, mode: 'trigger' })).toHaveLength(directors);
		expect(await runWithSandbox(sandbox, node, all, [{}], { staticData, mode: 'trigger' })).toHaveLength(0);
		expect(await runWithSandbox(sandbox, node, { ...all, onlyNew: false }, [{}], { staticData, mode: 'trigger' })).toHaveLength(directors);
	});

	it('two input items in one run do not return the same person twice', async () => {
		const output = await runWithSandbox(sandbox, node, search(20), [{}, {}], { staticData: {}, mode: 'trigger' });
		expect(output).toHaveLength(40);
		expect(new Set(ids(output, 'apollo')).size).toBe(40);
	});
});
