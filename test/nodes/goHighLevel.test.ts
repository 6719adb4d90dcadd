import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, INodeParameters, INodeType } from 'n8n-workflow';

import { B2bGoHighLevel } from '../../nodes/B2bGoHighLevel/B2bGoHighLevel.node';
import * as listSearch from '../../nodes/B2bGoHighLevel/methods/listSearch';
import * as loadOptions from '../../nodes/B2bGoHighLevel/methods/loadOptions';
import { TestCredentialsHelper, createExecuteContext } from '../harness';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import type { ApiName, GhlContact, GhlOpportunity, Sandbox } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import { runWithSandbox, sandboxCredentials } from './run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const node = new B2bGoHighLevel();
const { locationId, privateIntegrationToken } = SANDBOX_CREDENTIALS.goHighLevel;
const store = () => sandbox.state.goHighLevel.location(locationId);
const contacts = () => store().contacts.list();
type Auth = 'privateIntegrationToken' | 'sessionToken';
const API: Record<Auth, ApiName> = { privateIntegrationToken: 'goHighLevelV2', sessionToken: 'goHighLevelSession' };

const run = async (parameters: object, input: object[] = [{}], options: { continueOnFail?: boolean } = {}) =>
	await runWithSandbox(sandbox, node, parameters as INodeParameters, input as never, options);
/** The contact locator's value as the editor saves an ID typed into it. */
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The API requests made so far on one API, session renewals apart. */
function calls(api: ApiName) {
	const entries = sandbox.requests({ api }).filter((entry) => entry.path !== '/token/update');
	return {
		entries,
		count: (method: string, path: string | RegExp) =>
			entries.filter((entry) => entry.method === method && (typeof path === 'string' ? entry.path === path : path.test(entry.path))).length,
	};
}

const person = (n: number) => ({ email: `lead${n}@acme-${n % 7}.com`, first_name: `Lead${n}`, last_name: 'Tester' });

function seedContacts(count: number, extra: (n: number) => Partial<GhlContact> = () => ({})) {
	sandbox.seed('goHighLevel', {
		contacts: Array.from({ length: count }, (_, n) => ({ email: `seed${n}@example.com`, firstName: `Seed${n}`, ...extra(n) })),
	});
}

describe.each(['privateIntegrationToken', 'sessionToken'] as Auth[])(
	'GoHighLevel node with the %s credential: contacts',
	(authentication) => {
		const api = API[authentication];
		const other = API[authentication === 'sessionToken' ? 'privateIntegrationToken' : 'sessionToken'];
		const contact = (operation: string, parameters: object = {}) => ({ authentication, resource: 'contact', operation, ...parameters });

		it('upserts: created, then updated by email, then by phone; the output says which', async () => {
			const upsert = contact('upsert', {
				inputMode: 'define',
				email: '={{ $json.email }}',
				phone: '={{ $json.phone }}',
				additionalFields: { companyName: '={{ $json.company }}' },
			});
			const [first] = await run(upsert, [{ email: 'Ada@Example.com', phone: '(415) 555-0100', company: 'Analytical Engines' }]);
			expect(first.json).toMatchObject({
				action: 'created',
				new: true,
				contact: { email: 'ada@example.com', phone: '+14155550100', companyName: 'Analytical Engines' },
			});
			const id = (first.json.contact as GhlContact).id;

			const [byEmail] = await run(upsert, [{ email: 'ada@example.com', company: 'Babbage & Co' }]);
			expect(byEmail.json).toMatchObject({ action: 'updated', new: false, contact: { id, companyName: 'Babbage & Co' } });
			const [byPhone] = await run(upsert, [{ phone: '+1 415 555 0100', company: 'Difference Engines' }]);
			expect(byPhone.json).toMatchObject({ action: 'updated', contact: { id, companyName: 'Difference Engines' } });

			expect(contacts()).toHaveLength(1);
			const made = calls(api);
			// Per run: the location's duplicate setting once, then one upsert per item; the other API never.
			expect(made.count('POST', '/contacts/upsert')).toBe(3);
			expect(made.count('GET', `/locations/${locationId}`)).toBe(3);
			expect(made.entries.every((entry) => entry.status < 300)).toBe(true);
			expect(
				made.entries.every(
					(entry) =>
						entry.body === undefined ||
						!('locationId' in (entry.body as object)) ||
						(entry.body as { locationId: string }).locationId === locationId,
				),
			).toBe(true);
			expect(sandbox.requests({ api: other })).toHaveLength(0);
		});

		it('gets, updates, tags, untags and deletes a contact by id', async () => {
			const [created] = await run(
				contact('upsert', { inputMode: 'define', email: 'grace@navy.mil', additionalFields: { tags: 'lead, apollo' } }),
			);
			const id = (created.json.contact as GhlContact).id;
			expect((await run(contact('get', { contactId: byId(id) })))[0].json).toMatchObject({
				id,
				email: 'grace@navy.mil',
				tags: ['lead', 'apollo'],
			});
			const [updated] = await run(
				contact('update', { contactId: byId(id), updateFields: { lastName: 'Hopper', city: 'Arlington', firstName: '' } }),
			);
			expect(updated.json).toMatchObject({ id, lastName: 'Hopper', city: 'Arlington' });
			expect(calls(api).entries.find((entry) => entry.method === 'PUT')?.body).toEqual({ lastName: 'Hopper', city: 'Arlington' });
			expect((await run(contact('addTags', { contactId: byId(id), tags: 'vip, lead' })))[0].json).toEqual({
				id,
				tags: ['lead', 'apollo', 'vip'],
			});
			expect((await run(contact('removeTags', { contactId: byId(id), tags: '={{ ["apollo"] }}' })))[0].json).toEqual({
				id,
				tags: ['lead', 'vip'],
			});
			expect((await run(contact('delete', { contactId: byId(id) })))[0].json).toEqual({ deleted: true, id });
			await expect(run(contact('get', { contactId: byId(id) }))).rejects.toThrow(/^GoHighLevel: Contact not found \(HTTP 404\) \[item 0\]/);
		});

		it('finds contacts by email or phone with one filtered search each', async () => {
			seedContacts(30, (n) => ({ phone: `+1415555${String(n).padStart(4, '0')}` }));
			const lookup = contact('lookup', { lookupBy: '={{ $json.by }}', email: '={{ $json.email }}', phone: '={{ $json.phone }}' });
			const output = await run(lookup, [
				{ by: 'email', email: 'SEED7@example.com' },
				{ by: 'phone', phone: '(415) 555-0012' },
				{ by: 'email', email: 'nobody@example.com' },
			]);
			expect(output.map((item) => [item.json.email, item.pairedItem])).toEqual([
				['seed7@example.com', { item: 0 }],
				['seed12@example.com', { item: 1 }],
			]);
			expect(output[0].json).not.toHaveProperty('searchAfter');
			const searches = calls(api).entries.filter((entry) => entry.path === '/contacts/search');
			expect(searches.map((entry) => (entry.body as { filters: unknown }).filters)).toEqual([
				[{ field: 'email', operator: 'eq', value: 'seed7@example.com' }],
				[{ field: 'phone', operator: 'eq', value: '+14155550012' }],
				[{ field: 'email', operator: 'eq', value: 'nobody@example.com' }],
			]);
		});

		it("fails a lookup whose email is longer than HighLevel's 75-character filter value, without searching", async () => {
			const long = `${'a'.repeat(64)}@example.com`;
			const output = await run(
				contact('lookup', { lookupBy: 'email', email: '={{ $json.email }}' }),
				[{ email: long }, { email: 'x@example.com' }],
				{
					continueOnFail: true,
				},
			);
			expect(output[0].json.error).toBe('Item 0: the email is 76 characters long: HighLevel searches contacts by at most 75');
			expect(calls(api).entries.map((entry) => (entry.body as { filters: unknown }).filters)).toEqual([
				[{ field: 'email', operator: 'eq', value: 'x@example.com' }],
			]);
		});
	},
);

describe('GoHighLevel node: what Update sends (F7)', () => {
	const optionsOf = (operation: string, collection: string) =>
		(node.description.properties.find(
			(property) => property.name === collection && property.displayOptions?.show?.operation?.includes(operation),
		)?.options ?? []) as Array<{ name: string }>;

	it("offers no Company Name on Update (HighLevel's UpdateContactDto has none), still on Create or Update", () => {
		const update = optionsOf('update', 'updateFields').map((option) => option.name);
		expect(update).not.toContain('companyName');
		expect(update).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'phone', 'website', 'source', 'tags']));
		expect(optionsOf('upsert', 'additionalFields').map((option) => option.name)).toContain('companyName');
	});

	it('sends no Company Name a workflow saved before still holds: n8n keeps only the options Update has', async () => {
		seedContacts(1);
		const [a] = contacts();
		const [output] = await run({
			resource: 'contact',
			operation: 'update',
			contactId: byId(a.id),
			updateFields: { companyName: 'Old Co', city: 'Leeds' },
		});
		expect(output.json).toMatchObject({ id: a.id, city: 'Leeds' });
		expect(
			calls('goHighLevelV2')
				.entries.filter((entry) => entry.method === 'PUT')
				.map((entry) => [entry.path, entry.status, entry.body]),
		).toEqual([[`/contacts/${a.id}`, 200, { city: 'Leeds' }]]);
		expect(contacts()[0]).not.toHaveProperty('companyName');
	});
});

describe("GoHighLevel node: HighLevel's 75-character search texts (L3)", () => {
	it('Get Many fails an item whose query or tag is over 75 characters, naming it, before any search; 75 is sent', async () => {
		const getMany = {
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
			filters: { query: '={{ $json.query }}', tag: '={{ $json.tag }}' },
		};
		const output = await run(
			getMany,
			[
				{ query: 'q'.repeat(76), tag: '' },
				{ query: '', tag: ` ${'T'.repeat(76)} ` },
				{ query: 'q'.repeat(75), tag: 't'.repeat(75) },
			],
			{ continueOnFail: true },
		);
		expect(output.map((item) => item.json.error)).toEqual([
			'Item 0: the query is 76 characters long: HighLevel searches contacts by at most 75',
			'Item 1: the tag is 76 characters long: HighLevel searches contacts by at most 75',
		]);
		expect(calls('goHighLevelV2').entries.map((entry) => entry.body)).toEqual([
			{ locationId, pageLimit: 500, query: 'q'.repeat(75), filters: [{ field: 'tags', operator: 'eq', value: 't'.repeat(75) }] },
		]);
		await expect(run(getMany, [{ query: 'q'.repeat(80) }])).rejects.toMatchObject({
			message: 'Item 0: the query is 80 characters long: HighLevel searches contacts by at most 75',
			context: { itemIndex: 0 },
			description: expect.stringContaining('Check the "query" field of item 0'),
		});
	});
});

describe('GoHighLevel node: Get Many past 100 contacts', () => {
	it('Return All reads 1,234 contacts with the searchAfter cursor: all of them, once each, in 3 requests', async () => {
		seedContacts(1234);
		const all = await run({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(all).toHaveLength(1234);
		expect(new Set(all.map((item) => item.json.id)).size).toBe(1234);
		const searches = calls('goHighLevelV2').entries.filter((entry) => entry.path === '/contacts/search');
		expect(searches).toHaveLength(3);
		expect(searches.map((entry) => (entry.body as { searchAfter?: unknown }).searchAfter === undefined)).toEqual([true, false, false]);
		expect(
			searches.every(
				(entry) => (entry.body as { pageLimit: number }).pageLimit === 500 && (entry.body as { page?: number }).page === undefined,
			),
		).toBe(true);
	});

	it('a Limit of 150 is one request of 150; a tag filter narrows the search', async () => {
		seedContacts(400, (n) => ({ tags: n % 4 === 0 ? ['hot'] : [] }));
		expect(await run({ resource: 'contact', operation: 'getMany', returnAll: false, limit: 150 })).toHaveLength(150);
		expect(calls('goHighLevelV2').entries.map((entry) => (entry.body as { pageLimit: number }).pageLimit)).toEqual([150]);
		expect(await run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { tag: 'Hot' } })).toHaveLength(100);
	});
});

describe('GoHighLevel node: custom fields', () => {
	it("sets fields by key and by name in HighLevel's format, reading the field list once per run, and reads them back by id", async () => {
		const upsert = {
			resource: 'contact',
			operation: 'upsert',
			inputMode: 'auto',
			customFields: {
				field: [
					{ field: 'contact.lead_source', value: 'apollo' },
					{ field: '={{ $json.sizeField }}', value: '={{ $json.size }}' },
					{ field: 'cfLinkedInUrl0000001', value: '={{ $json.linkedin }}' },
				],
			},
		};
		const items = [1, 2, 3].map((n) => ({
			...person(n),
			sizeField: n === 2 ? 'company_size' : 'Company Size',
			size: 10 * n,
			linkedin: `https://linkedin.com/in/lead${n}`,
		}));
		const output = await run(upsert, items);
		expect(output.map((item) => item.json.action)).toEqual(['created', 'created', 'created']);
		const made = calls('goHighLevelV2');
		expect(made.count('GET', `/locations/${locationId}/customFields`)).toBe(1);
		expect((made.entries.find((entry) => entry.path === '/contacts/upsert')?.body as { customFields: unknown }).customFields).toEqual([
			{ id: 'cfLeadSource00000002', field_value: 'apollo' },
			{ id: 'cfCompanySize0000004', field_value: 10 },
			{ id: 'cfLinkedInUrl0000001', field_value: 'https://linkedin.com/in/lead1' },
		]);
		const id = (output[1].json.contact as GhlContact).id;
		const [read] = await run({ resource: 'contact', operation: 'get', contactId: byId(id) });
		expect(read.json.customFields).toEqual([
			{ id: 'cfLeadSource00000002', value: 'apollo' },
			{ id: 'cfCompanySize0000004', value: 20 },
			{ id: 'cfLinkedInUrl0000001', value: 'https://linkedin.com/in/lead2' },
		]);
	});

	it('fails an item naming a field the location does not have, before sending it (HighLevel would drop it silently)', async () => {
		const parameters = {
			resource: 'contact',
			operation: 'update',
			contactId: '={{ $json.id }}',
			customFields: { field: [{ field: '={{ $json.field }}', value: 'x' }] },
		};
		seedContacts(2);
		const [a, b] = contacts();
		const output = await run(
			parameters,
			[
				{ id: a.id, field: 'contact.seniority' },
				{ id: b.id, field: 'contact.shoe_size' },
			],
			{ continueOnFail: true },
		);
		expect(output[0].json).toMatchObject({ id: a.id, customFields: [{ id: 'cfSeniority000000003', value: 'x' }] });
		expect(output[1].json.error).toBe('Item 1: the HighLevel location has no custom field "contact.shoe_size"');
		expect(calls('goHighLevelV2').count('PUT', /^\/contacts\//)).toBe(1);
	});
});

describe("GoHighLevel node: the location's duplicate setting", () => {
	it('with duplicates allowed, the same email upserts a second contact, and the output says created', async () => {
		sandbox.seed('goHighLevel', { settings: { allowDuplicateContact: true } });
		const upsert = { resource: 'contact', operation: 'upsert', inputMode: 'auto' };
		const output = await run(upsert, [person(1), person(1)]);
		expect(output.map((item) => item.json.action)).toEqual(['created', 'created']);
		expect(contacts()).toHaveLength(2);
	});
});

describe('GoHighLevel node: a person from the enrichment nodes, with no mapping', () => {
	it("pushes person and company as HighLevel fields, picking the mobile phone and the person's own location", async () => {
		const enriched = {
			person: {
				firstName: 'Ada',
				lastName: 'Lovelace',
				fullName: 'Ada Lovelace',
				email: 'ADA@acme.com',
				title: 'CTO',
				emailStatus: 'verified',
				phones: [
					{ number: '+1 512 555 0199', type: 'work' },
					{ number: '+15125550142', type: 'mobile' },
				],
				location: { city: 'Austin', state: 'TX', country: 'US' },
				companyName: 'Acme',
				companyDomain: 'acme.com',
				ids: { apollo: '5f2a' },
			},
			company: {
				name: 'Acme Inc',
				domain: 'acme.com',
				website: 'https://www.acme.com',
				address: { street: '1 Main St', city: 'Dallas', postalCode: '75001', country: 'US' },
			},
			provider: 'apollo',
		};
		const [output] = await run(
			{ resource: 'contact', operation: 'upsert', inputMode: 'auto', additionalFields: { source: 'Apollo', tags: 'b2b' } },
			[enriched],
		);
		expect(output.json.action).toBe('created');
		expect(contacts()[0]).toMatchObject({
			firstName: 'Ada',
			lastName: 'Lovelace',
			name: 'Ada Lovelace',
			email: 'ada@acme.com',
			phone: '+15125550142',
			companyName: 'Acme',
			website: 'https://www.acme.com',
			city: 'Austin',
			state: 'TX',
			country: 'US',
			source: 'Apollo',
			tags: ['b2b'],
		});
		expect(contacts()[0]).not.toHaveProperty('address1');
	});

	it('reads flat fields too, and refuses an item with neither email nor phone before sending anything', async () => {
		const output = await run(
			{ resource: 'contact', operation: 'upsert', inputMode: 'auto' },
			[
				{ first_name: 'Nobody' },
				{ email: 'flat@example.org', company_name: 'Flat Co', website: 'flat.example.org', phone: '512-555-0100' },
			],
			{ continueOnFail: true },
		);
		expect(output[0].json.error).toBe('Item 0: a contact needs an email or a phone: HighLevel matches contacts by them');
		expect(contacts()).toEqual([
			expect.objectContaining({
				email: 'flat@example.org',
				companyName: 'Flat Co',
				website: 'https://flat.example.org',
				phone: '+15125550100',
			}),
		]);
		expect(calls('goHighLevelV2').count('POST', '/contacts/upsert')).toBe(1);
	});
});

describe('GoHighLevel node: opportunities', () => {
	const pipeline = () => store().pipelines[0];

	it.each(['privateIntegrationToken', 'sessionToken'] as Auth[])(
		'creates an opportunity for a contact, then moves it, values it and closes it (%s)',
		async (authentication) => {
			const [upserted] = await run({ authentication, resource: 'contact', operation: 'upsert', inputMode: 'auto' }, [person(1)]);
			const [created] = await run(
				{
					authentication,
					resource: 'opportunity',
					operation: 'create',
					name: 'Managed services',
					pipelineId: pipeline().id,
					pipelineStageId: pipeline().stages[0].id,
					additionalFields: { monetaryValue: 1200 },
				},
				[upserted.json],
			);
			expect(created.json).toMatchObject({
				name: 'Managed services',
				contactId: (upserted.json.contact as GhlContact).id,
				status: 'open',
				monetaryValue: 1200,
			});
			const [updated] = await run({
				authentication,
				resource: 'opportunity',
				operation: 'update',
				opportunityId: created.json.id,
				updateFields: { pipelineStageId: pipeline().stages[3].id, status: 'won', monetaryValue: 1500 },
			});
			expect(updated.json).toMatchObject({
				id: created.json.id,
				pipelineStageId: pipeline().stages[3].id,
				status: 'won',
				monetaryValue: 1500,
				name: 'Managed services',
			});
			const made = calls(API[authentication]);
			expect(made.entries.find((entry) => entry.method === 'PUT')?.body).toEqual({
				pipelineStageId: pipeline().stages[3].id,
				status: 'won',
				monetaryValue: 1500,
			});
			expect(made.count('POST', '/opportunities')).toBe(1);
		},
	);

	it('Get Many follows the startAfter cursor past 100: 230 opportunities in 3 requests, and filters by status', async () => {
		seedContacts(1);
		const contactId = contacts()[0].id;
		const opportunities = Array.from({ length: 230 }, (_, n) => ({
			name: `Deal ${n}`,
			pipelineId: pipeline().id,
			status: n % 10 === 0 ? 'won' : 'open',
			contactId,
		}));
		sandbox.seed('goHighLevel', { opportunities });
		const all = await run({ resource: 'opportunity', operation: 'getMany', returnAll: true });
		expect(new Set(all.map((item) => (item.json as GhlOpportunity).id)).size).toBe(230);
		expect(calls('goHighLevelV2').count('GET', '/opportunities/search')).toBe(3);
		expect(
			await run({ resource: 'opportunity', operation: 'getMany', returnAll: true, filters: { status: 'won', contactId } }),
		).toHaveLength(23);
		expect(
			await run({ resource: 'opportunity', operation: 'getMany', returnAll: false, limit: 5, filters: { status: 'all' } }),
		).toHaveLength(5);
	});

	it("Create offers no Source and sends only CreateDto's properties, a Source saved before included (F8)", async () => {
		const additional = node.description.properties.find(
			(property) => property.name === 'additionalFields' && property.displayOptions?.show?.resource?.includes('opportunity'),
		);
		expect((additional?.options as Array<{ name: string }>).map((option) => option.name)).toEqual(['assignedTo', 'monetaryValue']);
		seedContacts(1);
		const contactId = contacts()[0].id;
		const [created] = await run({
			resource: 'opportunity',
			operation: 'create',
			contactId,
			name: 'Plain',
			pipelineId: pipeline().id,
			pipelineStageId: pipeline().stages[1].id,
			additionalFields: { monetaryValue: 900, assignedTo: 'user0000000000000001', source: 'Apollo' },
		});
		expect(created.json).toMatchObject({ name: 'Plain', monetaryValue: 900, assignedTo: 'user0000000000000001' });
		expect(created.json).not.toHaveProperty('source');
		expect(
			calls('goHighLevelV2')
				.entries.filter((entry) => entry.path === '/opportunities')
				.map((entry) => entry.body),
		).toEqual([
			{
				monetaryValue: 900,
				assignedTo: 'user0000000000000001',
				contactId,
				name: 'Plain',
				pipelineId: pipeline().id,
				pipelineStageId: pipeline().stages[1].id,
				status: 'open',
				locationId,
			},
		]);
	});
});

describe('GoHighLevel node: dropdowns', () => {
	/** n8n-core's own load-options context on the workflow the harness builds for the node. */
	function loadOptionsContext(parameters: INodeParameters, path: string): ILoadOptionsFunctions {
		const helper = new TestCredentialsHelper();
		const credential = helper.add('b2bGoHighLevelApi', sandboxCredentials(sandbox).b2bGoHighLevelApi);
		const execute = createExecuteContext({ nodeType: node, helper, parameters, credentials: { b2bGoHighLevelApi: credential } });
		const { workflow, node: placed, additionalData } = execute as unknown as { workflow: never; node: INode; additionalData: object };
		// The editor sends the node's parameters with their defaults filled in, as the workflow holds them.
		return new LoadOptionsContext(workflow, placed, { ...additionalData, currentNodeParameters: placed.parameters } as never, path);
	}

	it("loads custom fields with their keys, pipelines, and the chosen pipeline's stages in order", async () => {
		const ctx = loadOptionsContext(
			{ resource: 'opportunity', operation: 'create', pipelineId: 'plSalesPipeline00001' },
			'parameters.pipelineStageId',
		);
		expect(await loadOptions.getCustomFields.call(ctx)).toContainEqual({
			name: 'Lead Source (contact.lead_source)',
			value: 'cfLeadSource00000002',
		});
		expect(await loadOptions.getPipelines.call(ctx)).toEqual([{ name: 'Sales Pipeline', value: 'plSalesPipeline00001' }]);
		expect((await loadOptions.getStages.call(ctx)).map((option) => option.name)).toEqual([
			'New Lead',
			'Contacted',
			'Qualified',
			'Proposal Sent',
			'Closed',
		]);
		const inUpdate = loadOptionsContext(
			{ resource: 'opportunity', operation: 'update', updateFields: {} },
			'parameters.updateFields.pipelineStageId',
		);
		expect((await loadOptions.getStages.call(inUpdate))[0].name).toBe('Sales Pipeline: New Lead');
	});

	it('searches contacts for the Contact locator: named with how to reach them, 100 a page on the searchAfter cursor', async () => {
		seedContacts(150);
		sandbox.seed('goHighLevel', {
			contacts: [{ email: 'grace@navy.mil', firstName: 'Grace', lastName: 'Hopper' }, { phone: '+14155550199' }],
		});
		const ctx = loadOptionsContext({ resource: 'task', operation: 'create' }, 'parameters.contactId');
		const grace = contacts().find((entry) => entry.email === 'grace@navy.mil') as GhlContact;
		expect(await listSearch.searchContacts.call(ctx, ' grace ')).toEqual({
			results: [{ name: 'Grace Hopper (grace@navy.mil)', value: grace.id }],
			paginationToken: undefined,
		});
		const first = await listSearch.searchContacts.call(ctx);
		expect(first.results).toHaveLength(100);
		const second = await listSearch.searchContacts.call(ctx, '', first.paginationToken as string);
		expect(second.paginationToken).toBeUndefined();
		const all = [...first.results, ...second.results];
		expect(new Set(all.map((result) => result.value)).size).toBe(152);
		expect(all.map((result) => result.name)).toEqual(expect.arrayContaining(['Seed7 (seed7@example.com)', '+14155550199']));
		const searches = calls('goHighLevelV2').entries.filter((entry) => entry.path === '/contacts/search');
		expect(searches.map((entry) => entry.body)).toEqual([
			{ locationId, pageLimit: 100, query: 'grace' },
			{ locationId, pageLimit: 100 },
			{ locationId, pageLimit: 100, searchAfter: expect.any(Array) },
		]);
		await expect(listSearch.searchContacts.call(ctx, 'x'.repeat(76))).rejects.toThrow(
			'GoHighLevel: the search is 76 characters long: HighLevel searches contacts by at most 75',
		);
	});

	it('loads calendars and workflows, a draft workflow named so', async () => {
		const ctx = loadOptionsContext({ resource: 'workflow', operation: 'addContact' }, 'parameters.workflowId');
		expect(await loadOptions.getCalendars.call(ctx)).toEqual([{ name: 'Discovery Call', value: 'calDiscoveryCall0001' }]);
		store().workflows.push({ ...store().workflows[0], id: 'wf-draft-0001', name: 'Win-Back', status: 'draft' });
		expect(await loadOptions.getWorkflows.call(ctx)).toEqual([
			{ name: 'New Lead Nurture', value: '5b0d6f7e-1c3a-4e2b-9f4d-2a7c8e9b1d01' },
			{ name: 'Win-Back (draft)', value: 'wf-draft-0001' },
		]);
	});
});

describe('GoHighLevel node: version 1 workflows and the contact locator', () => {
	const contactIdProperties = (operation: string) =>
		node.description.properties.filter(
			(property) =>
				property.name === 'contactId' &&
				property.displayOptions?.show?.resource?.includes('contact') &&
				property.displayOptions.show.operation?.includes(operation),
		);

	it('defaults to version 2, whose contact operations take the locator; version 1 keeps its Contact ID string field', () => {
		expect(node.description.version).toEqual([1, 2]);
		expect(node.description.defaultVersion).toBe(2);
		for (const operation of ['get', 'update', 'delete', 'addTags', 'removeTags']) {
			expect(contactIdProperties(operation).map((property) => [property.type, property.displayOptions?.show?.['@version']])).toEqual([
				['string', [1]],
				['resourceLocator', [{ _cnd: { gte: 2 } }]],
			]);
		}
		const locator = contactIdProperties('get')[1];
		expect(locator.modes?.map((mode) => [mode.name, mode.typeOptions?.searchListMethod])).toEqual([
			['list', 'searchContacts'],
			['id', undefined],
		]);
	});

	it('runs a version 1 node saved with a Contact ID string as before, and fails an empty one instead of calling /contacts/', async () => {
		const version1 = Object.assign(Object.create(node) as INodeType, { description: { ...node.description, version: 1 } });
		seedContacts(1);
		const [a] = contacts();
		const v1 = async (operation: string, parameters: object = {}) =>
			await runWithSandbox(sandbox, version1, { resource: 'contact', operation, contactId: a.id, ...parameters } as INodeParameters);
		expect((await v1('get'))[0].json).toMatchObject({ id: a.id, email: a.email });
		expect((await v1('update', { updateFields: { city: 'Leeds' } }))[0].json).toMatchObject({ id: a.id, city: 'Leeds' });
		expect((await v1('addTags', { tags: 'vip' }))[0].json).toEqual({ id: a.id, tags: ['vip'] });
		await expect(v1('get', { contactId: ' ' })).rejects.toMatchObject({ message: 'Item 0: no contact ID given' });
		expect((await v1('delete'))[0].json).toEqual({ deleted: true, id: a.id });
		expect(calls('goHighLevelV2').entries.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			`GET /contacts/${a.id}`,
			`PUT /contacts/${a.id}`,
			`POST /contacts/${a.id}/tags`,
			`DELETE /contacts/${a.id}`,
		]);
	});
});

describe('GoHighLevel node: session renewal and pacing', () => {
	it('renews a session that dies every 4 calls in the middle of a batch: 10 upserts, no failed item', async () => {
		sandbox.configure({ auth: { tokenMaxCalls: { goHighLevel: 4 } } });
		const output = await run(
			{ authentication: 'sessionToken', resource: 'contact', operation: 'upsert', inputMode: 'auto' },
			Array.from({ length: 10 }, (_, n) => person(n)),
		);
		expect(output.map((item) => item.json.action)).toEqual(Array(10).fill('created'));
		const statuses = calls('goHighLevelSession').entries.map((entry) => entry.status);
		// 11 calls (the location, then 10 upserts); the 5th and 9th meet a dead token, are renewed and repeated.
		expect(statuses.filter((status) => status < 300)).toHaveLength(11);
		expect(statuses.filter((status) => status === 401)).toHaveLength(2);
		// One renewal of the pasted token at the start, one per dead token.
		expect(sandbox.requests({ api: 'goHighLevelSession', pathIncludes: '/token/update' }).map((entry) => entry.status)).toEqual([
			200, 200, 200,
		]);
	});

	it('paces 150 upserts under 100 requests per 10 s: not one 429 from the sandbox', async () => {
		const started = Date.now();
		const output = await run(
			{ resource: 'contact', operation: 'upsert', inputMode: 'auto' },
			Array.from({ length: 150 }, (_, n) => person(n)),
		);
		expect(output).toHaveLength(150);
		expect(output.every((item) => item.json.action === 'created')).toBe(true);
		const statuses = calls('goHighLevelV2').entries.map((entry) => entry.status);
		expect(statuses).toHaveLength(151);
		expect(statuses.filter((status) => status !== 200 && status !== 201)).toEqual([]);
		// The 101st request had to wait for HighLevel's next 10 s window.
		expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
	}, 60_000);

	it('the sandbox does refuse a client that does not pace itself (the test above can fail)', async () => {
		const { default: axios } = await import('axios');
		const url = `${sandbox.baseUrl('goHighLevelV2')}/locations/${locationId}`;
		const headers = { Authorization: `Bearer ${privateIntegrationToken}`, Version: '2021-07-28' };
		const answers = await Promise.all(
			Array.from({ length: 120 }, async () => (await axios.get(url, { headers, validateStatus: () => true })).status),
		);
		expect(answers.filter((status) => status === 429)).toHaveLength(20);
	});
});
