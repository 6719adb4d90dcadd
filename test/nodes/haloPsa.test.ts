import type { NodeExecutionHint } from 'n8n-workflow';

import { B2bHaloPsa } from '../../nodes/B2bHaloPsa/B2bHaloPsa.node';
import { personFromItem } from '../../lib/normalize';
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

/** A resource locator's value as n8n saves it. */
const locator = (value: string | number, mode: 'list' | 'id' | 'url' = 'id') => ({ __rl: true, mode, value });

describe('HaloPSA node: quotes, assets, contracts and appointments', () => {
	const CASES: Array<[resource: string, label: string, create: (client: number, site: number) => object, update: object]> = [
		[
			'quote',
			'quote',
			(client) => ({ client_id: locator(client, 'list'), additionalFields: { title: '={{ "Quote " + $json.n }}' } }),
			{ title: 'Revised' },
		],
		[
			'asset',
			'asset',
			(_client, site) => ({ site_id: locator(site), additionalFields: { inventory_number: '={{ "PC-" + $json.n }}' } }),
			{ key_field: 'Reception PC' },
		],
		[
			'contract',
			'contract',
			(client) => ({ client_id: locator(String(client)), additionalFields: { ref: '={{ "C-" + $json.n }}' } }),
			{ note: 'Renewed' },
		],
		[
			'appointment',
			'appointment',
			(client) => ({
				subject: '={{ "Visit " + $json.n }}',
				start_date: '2025-06-02T10:00:00',
				end_date: '2025-06-02T11:00:00',
				additionalFields: { client_id: locator(client) },
			}),
			{ subject: 'Moved' },
		],
	];

	it.each(CASES)(
		'%s: creates 120 in batches of 50, reads all in 100s or up to a limit, gets, updates and deletes one',
		async (resource, label, create, update) => {
			const [client] = await run({ resource: 'client', operation: 'create', name: 'Initech' });
			const before = haloRequests(sandbox).last;
			const created = await run(
				{ resource, operation: 'create', ...create(client.json.id as number, client.json.main_site_id as number) },
				Array.from({ length: 120 }, (_, n) => ({ n })),
			);
			expect(created.every((item) => typeof item.json.id === 'number' && item.json.error === undefined)).toBe(true);
			const entity = sandbox.requests({ provider: 'haloPsa', method: 'POST' }).at(-1)!.path.split('/')[2];
			expect(haloRequests(sandbox, before).count('POST', entity)).toBe(3);
			const listed = haloRequests(sandbox).last;
			expect(await run({ resource, operation: 'getMany', returnAll: true, filters: {} })).toHaveLength(120);
			expect(haloRequests(sandbox, listed).count('GET', entity)).toBe(2);
			expect(await run({ resource, operation: 'getMany', returnAll: false, limit: 7, filters: {} })).toHaveLength(7);

			const id = created[5].json.id as number;
			expect((await run({ resource, operation: 'get', id: locator(id) }))[0].json).toMatchObject({ id });
			expect((await run({ resource, operation: 'update', id: locator(id, 'list'), updateFields: update }))[0].json).toMatchObject({
				id,
				...update,
			});
			expect((await run({ resource, operation: 'delete', id: locator(String(id)) }))[0].json).toEqual({ deleted: true, id });
			await expect(run({ resource, operation: 'get', id: locator(id) })).rejects.toThrow(`Item 0: HaloPSA has no ${label} with ID ${id}`);
		},
	);

	it('filters quotes, assets and appointments by the records they belong to', async () => {
		const [acme, globex] = await run({ resource: 'client', operation: 'create', name: '={{ $json.name }}' }, [
			{ name: 'Acme' },
			{ name: 'Globex' },
		]);
		await run({ resource: 'quote', operation: 'create', client_id: '={{ $json.client }}' }, [
			{ client: acme.json.id },
			{ client: globex.json.id },
			{ client: globex.json.id },
		]);
		await run({
			resource: 'asset',
			operation: 'create',
			site_id: locator(globex.json.main_site_id as number),
			additionalFields: { inventory_number: 'PC-9' },
		});
		const quotes = await run({
			resource: 'quote',
			operation: 'getMany',
			returnAll: true,
			filters: { client_id: locator(globex.json.id as number) },
		});
		expect(quotes.map((item) => item.json.client_name)).toEqual(['Globex', 'Globex']);
		const assets = await run({
			resource: 'asset',
			operation: 'getMany',
			returnAll: true,
			filters: { client_id: locator(globex.json.id as number, 'list'), search: 'pc-9' },
		});
		expect(assets.map((item) => [item.json.inventory_number, item.json.client_id])).toEqual([['PC-9', globex.json.id]]);
		await run(
			{
				resource: 'appointment',
				operation: 'create',
				subject: '={{ $json.subject }}',
				start_date: '={{ $json.start }}',
				end_date: '={{ $json.end }}',
				additionalFields: { agent_id: '={{ $json.agent }}' },
			},
			[
				{ subject: 'Onboarding', start: '2025-06-02T09:00:00', end: '2025-06-02T10:00:00', agent: 2 },
				{ subject: 'Review', start: '2025-06-09T09:00:00', end: '2025-06-09T10:00:00', agent: 3 },
			],
		);
		const agentTwo = await run({ resource: 'appointment', operation: 'getMany', returnAll: true, filters: { agents: '2' } });
		expect(agentTwo.map((item) => item.json.subject)).toEqual(['Onboarding']);
		const later = await run({
			resource: 'appointment',
			operation: 'getMany',
			returnAll: true,
			filters: { start_date: '2025-06-05T00:00:00' },
		});
		expect(later.map((item) => item.json.subject)).toEqual(['Review']);
	});

	it('reads a list HaloPSA answers as one plain array, as Appointment may (its answer model is undocumented)', async () => {
		await run(
			{
				resource: 'appointment',
				operation: 'create',
				subject: '={{ "Visit " + $json.n }}',
				start_date: '2025-06-02T10:00:00',
				end_date: '2025-06-02T11:00:00',
			},
			Array.from({ length: 130 }, (_, n) => ({ n })),
		);
		sandbox.haloPsa.listShapes.set('Appointment', 'wholeArray');
		expect(await run({ resource: 'appointment', operation: 'getMany', returnAll: true, filters: {} })).toHaveLength(130);
		expect(await run({ resource: 'appointment', operation: 'getMany', returnAll: false, limit: 3, filters: {} })).toHaveLength(3);
	});
});

describe('HaloPSA node: actions', () => {
	it("adds notes and emails to tickets and opportunities, and lists a ticket's actions, all or up to a limit", async () => {
		const tickets = await run({ resource: 'ticket', operation: 'create', summary: '={{ $json.summary }}' }, [
			{ summary: 'Printer' },
			{ summary: 'VPN' },
			{ summary: 'Laptop' },
		]);
		const ticket = tickets[2].json.id as number;
		const [opportunity] = await run({ resource: 'opportunity', operation: 'create', summary: 'Renewal' });
		const added = await run(
			{
				resource: 'action',
				operation: 'create',
				ticket_id: '={{ $json.ticket }}',
				note: '={{ $json.note }}',
				additionalFields: { outcome: 'Private Note', hiddenfromuser: '={{ $json.private }}' },
			},
			[
				{ ticket, note: 'Called the user', private: true },
				{ ticket, note: 'Replaced the dock', private: false },
				{ ticket: opportunity.json.id, note: 'Sent the proposal', private: false },
			],
		);
		expect(added.map((item) => item.json.note)).toEqual(['Called the user', 'Replaced the dock', 'Sent the proposal']);
		expect(haloRequests(sandbox).count('POST', 'Actions')).toBe(1);
		await run({
			resource: 'action',
			operation: 'create',
			ticket_id: locator(`https://acme.halopsa.com/tickets?id=${ticket}`, 'url'),
			note: 'Emailed the fix',
			additionalFields: { sendemail: true, emailto: 'user@acme.example', emailsubject: 'Fixed' },
		});
		const notes = async (parameters: object) =>
			(await run({ resource: 'action', operation: 'getMany', ticket_id: locator(ticket, 'list'), filters: {}, ...parameters })).map(
				(item) => item.json.note,
			);
		expect(await notes({ returnAll: true })).toEqual(['Called the user', 'Replaced the dock', 'Emailed the fix']);
		expect(await notes({ returnAll: false, limit: 2 })).toEqual(['Called the user', 'Replaced the dock']);
		expect(await notes({ returnAll: true, filters: { excludeprivate: true } })).toEqual(['Replaced the dock', 'Emailed the fix']);
		expect(sandbox.requests({ provider: 'haloPsa', method: 'GET', pathIncludes: '/Actions' }).at(-1)?.query).toMatchObject({
			ticket_id: String(ticket),
		});
		const onOpportunity = await run({
			resource: 'action',
			operation: 'getMany',
			ticket_id: locator(opportunity.json.id as number),
			returnAll: true,
			filters: {},
		});
		expect(onOpportunity.map((item) => item.json.note)).toEqual(['Sent the proposal']);
	});

	it('refuses to list actions without a ticket, before HaloPSA lists them all', async () => {
		const before = haloRequests(sandbox).last;
		await expect(run({ resource: 'action', operation: 'getMany', ticket_id: locator(''), returnAll: true, filters: {} })).rejects.toThrow(
			'Item 0: give the Ticket or Opportunity',
		);
		await expect(
			run({ resource: 'action', operation: 'getMany', ticket_id: locator('abc'), returnAll: true, filters: {} }),
		).rejects.toThrow('Item 0: Ticket or Opportunity must be a whole number from 1, not "abc"');
		expect(haloRequests(sandbox, before).count('GET', 'Actions')).toBe(0);
	});
});

describe('HaloPSA node: Other Fields (JSON)', () => {
	it('merges any field HaloPSA accepts into creates and updates, as JSON text or an object from an expression', async () => {
		const created = await run({ resource: 'client', operation: 'create', name: '={{ $json.name }}', otherFields: '={{ $json.other }}' }, [
			{ name: 'Acme', other: '{"notes": "Met at the fair", "newclient_contactname": "Jo Bloggs"}' },
			{ name: 'Globex', other: { main_phonenumber: '+1 512 555 0100' } },
		]);
		expect(state().clients).toEqual([
			expect.objectContaining({ name: 'Acme', notes: 'Met at the fair', newclient_contactname: 'Jo Bloggs' }),
			expect.objectContaining({ name: 'Globex', main_phonenumber: '+1 512 555 0100' }),
		]);
		const [user] = await run({
			resource: 'user',
			operation: 'create',
			client_id: locator(created[0].json.id as number),
			name: 'Jo Bloggs',
		});
		await run({
			resource: 'user',
			operation: 'update',
			id: locator(user.json.id as number),
			updateFields: { jobtitle: 'CFO' },
			otherFields: '{"title": "Dr", "jobtitle": "ignored"}',
		});
		expect(state().users[0]).toMatchObject({ title: 'Dr', jobtitle: 'CFO' });
	});

	it.each([
		['text that is not JSON', '{"notes": ', /^Item 1: Other Fields \(JSON\) is not valid JSON \(.+\)$/],
		['a JSON list', '[1, 2]', 'Item 1: Other Fields (JSON) must be a JSON object'],
		['a JSON number', '42', 'Item 1: Other Fields (JSON) must be a JSON object'],
		['an ID', '{"id": 1}', "Item 1: Other Fields (JSON) must not set id: the record is chosen by the node's own ID"],
	])('fails the item given %s, with nothing written; under Continue On Fail the others are written', async (_case, bad, message) => {
		const parameters = { resource: 'client', operation: 'create', name: '={{ $json.name }}', otherFields: '={{ $json.other }}' };
		const items = [
			{ name: 'Good', other: '{"notes": "ok"}' },
			{ name: 'Bad', other: bad },
			{ name: 'Also good', other: '' },
		];
		await expect(run(parameters, items)).rejects.toThrow(message);
		expect(haloRequests(sandbox).count('POST', 'Client')).toBe(0);
		const output = await run(parameters, items, { continueOnFail: true });
		expect(output[1].json.error).toMatch(message);
		expect(state().clients.map((client) => client.name)).toEqual(['Good', 'Also good']);
	});

	it('fails an item whose field HaloPSA refuses with its message, naming the records already created', async () => {
		const parameters = { resource: 'client', operation: 'create', name: '={{ $json.name }}', otherFields: '={{ $json.other }}' };
		const error = (await run(parameters, [
			{ name: 'Good', other: '{}' },
			{ name: 'Refused', other: '{"linkedin": "refused"}' },
		]).catch((caught: unknown) => caught)) as { message: string; description: string };
		expect(error.message).toMatch(/^Item 1: HaloPSA: .*unknown field linkedin/);
		expect(error.description).toContain(`1 other record(s) were created (ID ${state().clients[0].id})`);
	});
});

describe('HaloPSA node: opportunity sales fields', () => {
	it('creates and updates an opportunity with its value, close date, probability and status', async () => {
		const [opportunity] = await run({
			resource: 'opportunity',
			operation: 'create',
			summary: 'Managed services',
			additionalFields: { oppvalue: 12000, targetdate: '2025-09-30T00:00:00', oppconversionprobability: 40, status_id: 2 },
		});
		expect(state().opportunities[0]).toMatchObject({
			oppvalue: 12000,
			targetdate: '2025-09-30T00:00:00',
			oppconversionprobability: 40,
			status_id: 2,
		});
		await run({
			resource: 'opportunity',
			operation: 'update',
			id: locator(opportunity.json.id as number),
			updateFields: { oppconversionprobability: 75, oppvalue: 15000 },
		});
		expect(state().opportunities[0]).toMatchObject({ oppvalue: 15000, oppconversionprobability: 75 });
	});
});

describe('HaloPSA node: resource locators', () => {
	const context = () => {
		const helper = new TestCredentialsHelper();
		const credential = helper.add('b2bHaloPsaOAuth2Api', sandboxCredentials(sandbox).b2bHaloPsaOAuth2Api);
		return createExecuteContext({ nodeType: node, helper, parameters: {}, credentials: { b2bHaloPsaOAuth2Api: credential } }) as never;
	};

	it('searches clients, users and tickets-or-opportunities From List, 100 a page', async () => {
		await run(
			{ resource: 'client', operation: 'create', name: '={{ "Client " + $json.n }}' },
			Array.from({ length: 150 }, (_, n) => ({ n })),
		);
		const first = await node.methods.listSearch.searchClient.call(context(), '');
		expect([first.results.length, first.paginationToken]).toEqual([100, '2']);
		const second = await node.methods.listSearch.searchClient.call(context(), '', first.paginationToken);
		expect([second.results.length, second.paginationToken]).toEqual([50, undefined]);
		expect((await node.methods.listSearch.searchClient.call(context(), 'client 149')).results).toEqual([
			{ name: 'Client 149', value: 150 },
		]);
		await run({
			resource: 'user',
			operation: 'create',
			client_id: locator(3),
			name: 'Ada Lovelace',
			additionalFields: { emailaddress: 'ada@acme.example' },
		});
		expect((await node.methods.listSearch.searchUser.call(context(), 'ada')).results).toEqual([
			{ name: 'Ada Lovelace (ada@acme.example, Client 2)', value: 1 },
		]);
		await run({ resource: 'ticket', operation: 'create', summary: 'Printer jam' });
		await run({ resource: 'opportunity', operation: 'create', summary: 'Printer fleet' });
		expect((await node.methods.listSearch.searchTicketOrOpportunity.call(context(), 'printer')).results.map((entry) => entry.name)).toEqual(
			['Ticket #1 Printer jam', 'Opportunity #1 Printer fleet'],
		);
	});

	it('reads an ID given by ID and by the address HaloPSA shows the record at, hosted or on-premise', async () => {
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Umbrella' });
		const id = client.json.id as number;
		const [user] = await run({
			resource: 'user',
			operation: 'create',
			client_id: locator(`https://umbrella.halopsa.com/customers?clientid=${id}`, 'url'),
			name: 'Alice',
		});
		const [ticket] = await run({
			resource: 'ticket',
			operation: 'create',
			summary: 'Broken',
			additionalFields: { client_id: locator(` ${id} `), user_id: locator(user.json.id as number, 'list') },
		});
		expect(state().users[0]).toMatchObject({ client_id: id });
		expect(sandbox.state.haloPsa.tickets.get(ticket.json.id as number)).toMatchObject({ client_id: id, user_id: user.json.id });
		for (const address of [
			`https://umbrella.halopsa.com/customers?clientid=${id}`,
			`https://halo.umbrella.example/helpdesk/customers?clientid=${id}&tab=details`,
		])
			expect((await run({ resource: 'client', operation: 'get', id: locator(address, 'url') }))[0].json).toMatchObject({
				id,
				name: 'Umbrella',
			});
		const site = client.json.main_site_id as number;
		expect(
			(
				await run({
					resource: 'site',
					operation: 'get',
					id: locator(`https://umbrella.halopsa.com/customers?mainview=site&siteid=${site}`, 'url'),
				})
			)[0].json,
		).toMatchObject({ id: site });
		expect(
			(
				await run({
					resource: 'user',
					operation: 'get',
					id: locator(`https://umbrella.halopsa.com/customers?mainview=user&userid=${user.json.id}`, 'url'),
				})
			)[0].json,
		).toMatchObject({ name: 'Alice' });
		for (const address of [
			`https://umbrella.halopsa.com/tickets?id=${ticket.json.id}`,
			`https://umbrella.halopsa.com/ticket?id=${ticket.json.id}`,
		])
			expect((await run({ resource: 'ticket', operation: 'get', id: locator(address, 'url') }))[0].json).toMatchObject({
				summary: 'Broken',
			});
		await expect(
			run({ resource: 'client', operation: 'get', id: locator('https://umbrella.halopsa.com/tickets?id=1', 'url') }),
		).rejects.toThrow(/value is invalid/);
		await expect(run({ resource: 'client', operation: 'get', id: locator('twelve') })).rejects.toThrow(
			'Item 0: Client ID must be a whole number from 1, not "twelve"',
		);
	});

	it('keeps version 1: its IDs are numbers and dropdowns, and its saved parameters still run', async () => {
		const properties = node.description.properties;
		const at = (name: string, version: 1 | 2) =>
			properties.filter(
				(property) =>
					property.name === name &&
					property.displayOptions?.show?.resource?.includes('user') &&
					(property.displayOptions.show['@version'] === undefined ||
						JSON.stringify(property.displayOptions.show['@version']).includes(version === 1 ? '1' : 'gte')),
			);
		expect(at('id', 1).map((property) => property.type)).toEqual(['number']);
		expect(at('id', 2).map((property) => property.type)).toEqual(['resourceLocator']);
		expect(at('client_id', 1).map((property) => [property.type, property.typeOptions?.loadOptionsMethod])).toEqual([
			['options', 'getClients'],
		]);
		expect(at('client_id', 2).map((property) => property.type)).toEqual(['resourceLocator']);
		const site = (version: 1 | 2) =>
			at('additionalFields', version)[0].options!.find((option) => option.name === 'site_id') as { type: string };
		expect([site(1).type, site(2).type]).toEqual(['number', 'resourceLocator']);
		expect(node.description).toMatchObject({ version: [1, 2], defaultVersion: 2 });

		const v1 = async (parameters: object) => await runWithSandbox(sandbox, node, parameters as never, [{}], { typeVersion: 1 });
		const [client] = await v1({ resource: 'client', operation: 'create', name: 'Legacy Co' });
		const [user] = await v1({
			resource: 'user',
			operation: 'create',
			client_id: client.json.id,
			name: 'Old Timer',
			additionalFields: { site_id: client.json.main_site_id },
		});
		expect((await v1({ resource: 'user', operation: 'get', id: user.json.id }))[0].json).toMatchObject({
			name: 'Old Timer',
			client_id: client.json.id,
		});
		expect(
			(await v1({ resource: 'user', operation: 'update', id: user.json.id, updateFields: { jobtitle: 'Founder' } }))[0].json,
		).toMatchObject({ jobtitle: 'Founder' });
		expect(await v1({ resource: 'user', operation: 'getMany', returnAll: true, filters: { client_id: client.json.id } })).toHaveLength(1);
		expect((await v1({ resource: 'user', operation: 'delete', id: user.json.id }))[0].json).toEqual({ deleted: true, id: user.json.id });
	});
});

describe('HaloPSA node: Get Many output and custom-field filter', () => {
	const seedContacts = async () => {
		const [client] = await run({
			resource: 'client',
			operation: 'create',
			name: 'Hooli',
			additionalFields: { website: 'https://hooli.com' },
		});
		const users = await run(
			{
				resource: 'user',
				operation: 'create',
				client_id: locator(client.json.id as number),
				name: '={{ $json.first + " " + $json.last }}',
				additionalFields: {
					firstname: '={{ $json.first }}',
					surname: '={{ $json.last }}',
					emailaddress: '={{ $json.email }}',
					jobtitle: 'Engineer',
					phonenumber: '+1 512 555 0100',
				},
				customFields: { field: [{ field: 'Lead Source', value: '={{ $json.source }}' }] },
			},
			Array.from({ length: 120 }, (_, n) => ({
				first: `First${n}`,
				last: `Last${n}`,
				email: `person${n}@hooli.com`,
				source: [10, 110, 115].includes(n) ? 'Apollo' : 'Hunter',
			})),
		);
		return { client, users };
	};

	it('outputs contacts as the normalized Person the other nodes read, and clients as Company', async () => {
		const { client } = await seedContacts();
		const people = await run({ resource: 'user', operation: 'getMany', returnAll: false, limit: 2, filters: {}, output: 'person' });
		expect(people[0].json).toEqual({
			person: {
				firstName: 'First0',
				lastName: 'Last0',
				fullName: 'First0 Last0',
				email: 'person0@hooli.com',
				title: 'Engineer',
				phones: [{ number: '+1 512 555 0100', type: 'work' }],
				companyName: 'Hooli',
			},
			company: { name: 'Hooli' },
			raw: expect.objectContaining({ id: 1, client_id: client.json.id }),
		});
		expect(personFromItem(people[0].json)).toMatchObject({ email: 'person0@hooli.com', firstName: 'First0', companyName: 'Hooli' });
		// The Sync operation takes them as they come: the contacts are matched, nothing is created.
		const before = haloRequests(sandbox).last;
		const synced = await run(
			{ resource: 'sync', operation: 'sync', whenNoClient: 'create', siteMode: 'main', createOpportunity: 'none', syncOptions: {} },
			people.map((item) => item.json),
		);
		expect(synced.map((item) => (item.json.haloPsa as { user: { action: string } }).user.action)).toEqual(['matched', 'matched']);
		expect(haloRequests(sandbox, before).count('POST', 'Users') + haloRequests(sandbox, before).count('POST', 'Client')).toBe(0);
		const [company] = await run({ resource: 'client', operation: 'getMany', returnAll: true, filters: {}, output: 'company' });
		expect(company.json).toEqual({
			company: { name: 'Hooli', domain: 'hooli.com', website: 'https://hooli.com' },
			raw: expect.objectContaining({ name: 'Hooli' }),
		});
	});

	it('keeps only the records whose custom field holds the value, reading further pages until Limit of them are found', async () => {
		await seedContacts();
		const filtered = async (parameters: object) =>
			await run({
				resource: 'user',
				operation: 'getMany',
				filters: {},
				customFieldFilters: { field: [{ field: 'CFLeadSource', value: 'apollo' }] },
				...parameters,
			});
		expect((await filtered({ returnAll: true })).map((item) => item.json.name)).toEqual([
			'First10 Last10',
			'First110 Last110',
			'First115 Last115',
		]);
		const before = haloRequests(sandbox).last;
		expect((await filtered({ returnAll: false, limit: 2 })).map((item) => item.json.name)).toEqual(['First10 Last10', 'First110 Last110']);
		expect(haloRequests(sandbox, before).count('GET', 'Users')).toBe(2);
		const byId = await run({
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
			filters: {},
			customFieldFilters: { field: [{ field: 202, value: 'HUNTER' }] },
			output: 'person',
		});
		expect(byId).toHaveLength(117);
		expect(byId[0].json.person).toMatchObject({ email: 'person0@hooli.com' });
	});

	it('keeps the opportunities whose custom field is unset when the filter value is empty, and gets one contact as a Person', async () => {
		const { users } = await seedContacts();
		const opportunities = await run(
			{
				resource: 'opportunity',
				operation: 'create',
				summary: '={{ "Deal " + $json.n }}',
				additionalFields: { user_id: locator('={{ $json.user }}') },
			},
			[0, 1, 2].map((n) => ({ n, user: users[n].json.id })),
		);
		await run({
			resource: 'opportunity',
			operation: 'update',
			id: locator(opportunities[1].json.id as number),
			updateFields: {},
			customFields: { field: [{ field: 'Sent to Dialer', value: 'yes' }] },
		});
		const notSent = await run({
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: true,
			filters: {},
			customFieldFilters: { field: [{ field: 'CFSentToDialer', value: '' }] },
		});
		expect(notSent.map((item) => item.json.summary)).toEqual(['Deal 0', 'Deal 2']);
		const sent = await run({
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: true,
			filters: {},
			customFieldFilters: { field: [{ field: 'CFSentToDialer', value: 'YES' }] },
		});
		expect(sent.map((item) => item.json.summary)).toEqual(['Deal 1']);
		const [contact] = await run({ resource: 'user', operation: 'get', id: locator('={{ $json.user_id }}'), output: 'person' }, [
			notSent[1].json,
		]);
		expect(contact.json).toEqual({
			person: expect.objectContaining({
				firstName: 'First2',
				email: 'person2@hooli.com',
				phones: [{ number: '+1 512 555 0100', type: 'work' }],
			}),
			company: { name: 'Hooli' },
			raw: expect.objectContaining({ id: users[2].json.id }),
		});
	});

	it('fails an item without an ID with the input beside the error, or on the error output with the error alone, which n8n routes there', async () => {
		const get = { resource: 'user', operation: 'get', id: locator('={{ $json.user_id }}'), output: 'person' };
		const message = 'Item 0: give the User (Contact) ID';
		expect((await run(get, [{ summary: 'Nobody to call' }], { continueOnFail: true }))[0].json).toEqual({
			summary: 'Nobody to call',
			error: message,
		});
		const [routed] = await runWithSandbox(sandbox, node, get as never, [{ summary: 'Nobody to call' }], { onError: 'continueErrorOutput' });
		expect(routed).toEqual({ json: { error: message }, pairedItem: { item: 0 } });
	});

	it('says so when no listed record carried custom fields', async () => {
		sandbox.configure({ haloPsa: { listCustomFields: false } });
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Plain' });
		await run({ resource: 'user', operation: 'create', client_id: locator(client.json.id as number), name: 'No Fields' });
		const hints: NodeExecutionHint[] = [];
		const output = await runWithSandbox(
			sandbox,
			node,
			{
				resource: 'user',
				operation: 'getMany',
				returnAll: true,
				filters: {},
				customFieldFilters: { field: [{ field: 'CFLeadSource', value: 'apollo' }] },
			} as never,
			[{}],
			{ hints },
		);
		expect(output).toHaveLength(0);
		expect(hints).toEqual([expect.objectContaining({ message: expect.stringContaining('carried custom fields') })]);
	});
});
