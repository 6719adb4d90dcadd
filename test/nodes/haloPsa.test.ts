import { B2bHaloPsa } from '../../nodes/B2bHaloPsa/B2bHaloPsa.node';
import * as loadOptions from '../../nodes/B2bHaloPsa/methods/loadOptions';
import { TestCredentialsHelper, createExecuteContext } from '../harness';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { asSyncInput, distinctCompanies, haloRequests, syncablePeople } from '../destinations/haloPsa/fixtures';
import { runWithSandbox, sandboxCredentials } from './run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const node = new B2bHaloPsa();
const state = () =>
	sandbox.dumpState('haloPsa') as {
		clients: Array<{ id: number; name: string; website?: string }>;
		users: Array<Record<string, unknown>>;
		opportunities: Array<Record<string, unknown>>;
	};
const run = async (parameters: object, input: object[] = [{}], options: { continueOnFail?: boolean } = {}) =>
	await runWithSandbox(sandbox, node, parameters as never, input as never, options);

describe('HaloPSA node: entities', () => {
	it('creates clients in one batched request, one output item per input item', async () => {
		const output = await run(
			{ resource: 'client', operation: 'create', name: '={{ $json.name }}', additionalFields: { website: '={{ $json.site }}' } },
			[
				{ name: 'Acme', site: 'https://acme.com' },
				{ name: 'Globex', site: 'https://globex.com' },
				{ name: 'Initech', site: 'https://initech.com' },
			],
		);
		expect(output.map((item) => item.json.name)).toEqual(['Acme', 'Globex', 'Initech']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(haloRequests(sandbox).count('POST', 'Client')).toBe(1);
		expect(state().clients.map((client) => client.website)).toEqual(['https://acme.com', 'https://globex.com', 'https://initech.com']);
	});

	it('gets, updates and deletes a client by id', async () => {
		const [created] = await run({ resource: 'client', operation: 'create', name: 'Umbrella' });
		const id = created.json.id as number;
		expect((await run({ resource: 'client', operation: 'get', id }))[0].json).toMatchObject({ id, name: 'Umbrella' });
		expect(
			(await run({ resource: 'client', operation: 'update', id, updateFields: { website: 'https://umbrella.example' } }))[0].json,
		).toMatchObject({ id, website: 'https://umbrella.example' });
		expect((await run({ resource: 'client', operation: 'delete', id }))[0].json).toEqual({ deleted: true, id });
		await expect(run({ resource: 'client', operation: 'get', id })).rejects.toThrow(`Item 0: HaloPSA has no client with ID ${id}`);
	});

	it('Get Many follows the pages to the last one, 100 per request', async () => {
		await run(
			{ resource: 'client', operation: 'create', name: '={{ "Client " + $json.n }}' },
			Array.from({ length: 230 }, (_, n) => ({ n })),
		);
		const before = haloRequests(sandbox).last;
		const all = await run({ resource: 'client', operation: 'getMany', returnAll: true, filters: {} });
		expect(all).toHaveLength(230);
		expect(haloRequests(sandbox, before).count('GET', 'Client')).toBe(3);
		expect(
			await run({ resource: 'client', operation: 'getMany', returnAll: false, limit: 7, filters: { search: 'Client 1' } }),
		).toHaveLength(7);
	});

	it('creates a contact with a custom field given by name, and finds contacts by client', async () => {
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Hooli' });
		const fieldName = (sandbox.dumpState('haloPsa') as { fieldInfo: Array<{ name: string; id: number }> }).fieldInfo[0];
		const [user] = await run({
			resource: 'user',
			operation: 'create',
			client_id: client.json.id,
			name: 'Gavin Belson',
			additionalFields: { emailaddress: 'gavin@hooli.com', jobtitle: 'CEO' },
			customFields: { field: [{ field: fieldName.name, value: 'VIP' }] },
		});
		expect(user.json).toMatchObject({ client_id: client.json.id, emailaddress: 'gavin@hooli.com' });
		expect(state().users[0].customfields).toEqual([expect.objectContaining({ id: fieldName.id, value: 'VIP' })]);
		expect(await run({ resource: 'user', operation: 'getMany', returnAll: true, filters: { client_id: client.json.id } })).toHaveLength(1);
		await expect(
			run({
				resource: 'user',
				operation: 'create',
				client_id: client.json.id,
				name: 'X',
				customFields: { field: [{ field: 'No Such Field', value: 1 }] },
			}),
		).rejects.toThrow('Item 0: HaloPSA has no custom field named "No Such Field"');
	});

	it('creates an opportunity and a lead ticket, and lists only open ones', async () => {
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Vandelay' });
		await run({
			resource: 'opportunity',
			operation: 'create',
			summary: 'Managed services',
			additionalFields: { client_id: client.json.id, tickettype_id: 4 },
		});
		await run({ resource: 'ticket', operation: 'create', summary: 'Lead: Vandelay', additionalFields: { client_id: client.json.id } });
		expect(
			await run({
				resource: 'opportunity',
				operation: 'getMany',
				returnAll: true,
				filters: { client_id: client.json.id, open_only: true },
			}),
		).toHaveLength(1);
		expect(await run({ resource: 'ticket', operation: 'getMany', returnAll: true, filters: { client_id: client.json.id } })).toHaveLength(
			1,
		);
	});

	it('filters tickets by ticket type as HaloPSA names that filter (requesttype_id)', async () => {
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Kramerica' });
		for (const tickettype_id of [1, 3, 3])
			await run({
				resource: 'ticket',
				operation: 'create',
				summary: `Type ${tickettype_id}`,
				additionalFields: { client_id: client.json.id, tickettype_id },
			});
		const found = await run({
			resource: 'ticket',
			operation: 'getMany',
			returnAll: true,
			filters: { client_id: client.json.id, requesttype_id: 3 },
		});
		expect(found.map((item) => item.json.tickettype_id)).toEqual([3, 3]);
		expect(sandbox.requests({ provider: 'haloPsa', method: 'GET', pathIncludes: '/Tickets' }).at(-1)?.query).toMatchObject({
			requesttype_id: '3',
		});
	});

	it("a refused record fails its item with HaloPSA's message, and with Continue On Fail the others are created", async () => {
		const output = await run(
			{ resource: 'site', operation: 'create', name: '={{ $json.name }}', client_id: '={{ $json.client }}' },
			[{ name: 'Ok', client: 999 }],
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toMatch(/^Item 0: HaloPSA: .*\(HTTP 400\)/);
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Soylent' });
		const mixed = await run(
			{ resource: 'site', operation: 'create', name: '={{ $json.name }}', client_id: '={{ $json.client }}' },
			[
				{ name: 'North', client: client.json.id },
				{ name: 'Bad', client: 999 },
				{ name: 'South', client: client.json.id },
			],
			{ continueOnFail: true },
		);
		expect(mixed.map((item) => (item.json.error ? 'error' : item.json.name))).toEqual(['North', 'error', 'South']);
		expect(mixed[1].json).toMatchObject({ name: 'Bad', error: expect.stringMatching(/^Item 1: HaloPSA: .*\(HTTP 400\)/) });
	});

	it('loads live dropdown values: clients, agents, ticket types and custom fields', async () => {
		await run({ resource: 'client', operation: 'create', name: 'Zeta' });
		const helper = new TestCredentialsHelper();
		const credential = helper.add('b2bHaloPsaOAuth2Api', sandboxCredentials(sandbox).b2bHaloPsaOAuth2Api);
		const ctx = createExecuteContext({ nodeType: node, helper, parameters: {}, credentials: { b2bHaloPsaOAuth2Api: credential } }) as never;
		expect((await loadOptions.getClients.call(ctx)).map((option) => option.name)).toEqual(['Zeta']);
		expect((await loadOptions.getTicketTypes.call(ctx)).map((option) => option.name)).toContain('Lead');
		expect(await loadOptions.getAgents.call(ctx)).toHaveLength(3);
		expect((await loadOptions.getCustomFields.call(ctx)).length).toBeGreaterThan(0);
	});
});

describe('HaloPSA node: Sync', () => {
	const syncParameters = {
		resource: 'sync',
		operation: 'sync',
		whenNoClient: 'create',
		siteMode: 'main',
		createOpportunity: 'none',
		syncOptions: {},
	};

	it('syncs 1,000 enriched people with exact request counts, and a second run writes nothing', async () => {
		const people = syncablePeople(sandbox, 1000);
		const companies = distinctCompanies(people);
		const items = people.map((person) => asSyncInput(sandbox, person));
		const first = await run(syncParameters, items);
		const run1 = haloRequests(sandbox);
		expect(run1.total).toBe(1 + Math.ceil(companies / 50) + 20);
		expect(first.every((item) => (item.json.haloPsa as { user: { action: string } }).user.action === 'created')).toBe(true);
		const second = await run(syncParameters, items);
		const run2 = haloRequests(sandbox, run1.last);
		expect(run2.count('POST', 'Client') + run2.count('POST', 'Users')).toBe(0);
		expect(run2.total).toBe(Math.ceil(companies / 100) + 10);
		expect(second.every((item) => (item.json.haloPsa as { client: { action: string } }).client.action === 'matched')).toBe(true);
		expect(state().users).toHaveLength(1000);
	});

	it('reads flat fields too, and opens one opportunity per contact', async () => {
		const items = [{ email: 'ann@pied-piper.com', first_name: 'Ann', last_name: 'Lee', company_name: 'Pied Piper', title: 'CTO' }];
		const parameters = {
			...syncParameters,
			createOpportunity: 'Opportunities',
			opportunitySummary: '={{ "Lead: " + $json.company_name }}',
			opportunityTicketTypeId: 4,
		};
		const [first] = await run(parameters, items);
		expect(first.json.haloPsa).toMatchObject({
			client: { action: 'created' },
			user: { action: 'created' },
			opportunity: { action: 'created' },
		});
		expect(state().users[0]).toMatchObject({ emailaddress: 'ann@pied-piper.com', jobtitle: 'CTO', firstname: 'Ann' });
		const [again] = await run(parameters, items);
		expect(again.json.haloPsa).toMatchObject({ opportunity: { action: 'matched' } });
		expect(state().opportunities).toHaveLength(1);
	});

	it('Inactive Records: a contact deactivated in HaloPSA is matched and left so by default, and reactivated when asked', async () => {
		const items = syncablePeople(sandbox, 3).map((person) => asSyncInput(sandbox, person));
		const first = await run(syncParameters, items);
		const userOf = (item: (typeof first)[number]) => (item.json.haloPsa as { user: Record<string, unknown> }).user;
		const id = userOf(first[1]).id as number;
		sandbox.seed('haloPsa', { Users: [{ id, inactive: true }] });

		const left = await run(syncParameters, items);
		expect(userOf(left[1])).toEqual({ action: 'matched', id, inactive: true, reason: 'inactive in HaloPSA: left as it is' });
		expect(userOf(left[0])).toEqual({ action: 'matched', id: userOf(first[0]).id });
		expect(state().users.find((user) => user.id === id)).toMatchObject({ inactive: true });

		const reactivated = await run({ ...syncParameters, syncOptions: { inactiveRecords: 'reactivate' } }, items);
		expect(userOf(reactivated[1])).toEqual({ action: 'updated', id, reason: 'reactivated (it was inactive in HaloPSA)' });
		expect(state().users).toHaveLength(3);
		expect(state().users.find((user) => user.id === id)).toMatchObject({ inactive: false });
	});

	it('stops before writing anything when an item is bad, naming the item and field', async () => {
		const items = [
			{ email: 'ok@fine.io', company_name: 'Fine' },
			{ email: 'broken@', company_name: 'Broken' },
		];
		await expect(run(syncParameters, items)).rejects.toThrow('Item 1: email "broken@" is not a valid email address');
		expect(haloRequests(sandbox).total).toBe(0);
		const output = await run(syncParameters, items, { continueOnFail: true });
		expect(output[1].json.error).toBe('Item 1: email "broken@" is not a valid email address');
		expect(output[0].json.haloPsa).toMatchObject({ user: { action: 'created' } });
	});

	it('dry run reports the plan and writes nothing', async () => {
		const items = syncablePeople(sandbox, 5).map((person) => asSyncInput(sandbox, person));
		const output = await run({ ...syncParameters, syncOptions: { dryRun: true } }, items);
		expect(
			output.every((item) => item.json.dryRun === true && (item.json.haloPsa as { user: { action: string } }).user.action === 'created'),
		).toBe(true);
		expect(state().clients).toHaveLength(0);
	});

	it('writes every good record before a refused one fails the node', async () => {
		const knownField = (sandbox.dumpState('haloPsa') as { fieldInfo: Array<{ id: number }> }).fieldInfo[0].id;
		const items = syncablePeople(sandbox, 4).map((person, index) => ({
			...asSyncInput(sandbox, person),
			field: index === 2 ? 999 : knownField,
		}));
		// Item 2 sets a custom field HaloPSA does not have, so HaloPSA refuses that contact.
		const parameters = { ...syncParameters, userCustomFields: { field: [{ field: '={{ $json.field }}', value: 'x' }] } };
		await expect(run(parameters, items)).rejects.toThrow(/^Item 2: user: HaloPSA: .*\(HTTP 400\)/);
		expect(state().users).toHaveLength(3);
	});
});
