import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INode, INodeParameters } from 'n8n-workflow';

import { B2bThrio } from '../../nodes/B2bThrio/B2bThrio.node';
import * as loadOptions from '../../nodes/B2bThrio/methods/loadOptions';
import { TestCredentialsHelper, createExecuteContext } from '../harness';
import type { Sandbox, ThrioLead } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import { runWithSandbox, sandboxCredentials } from './run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const node = new B2bThrio();
const LIST_A = '0000000000000000000000a1';
const LIST_B = '0000000000000000000000a2';

const run = async (parameters: object, input: object[] = [{}], options: { continueOnFail?: boolean } = {}) =>
	await runWithSandbox(sandbox, node, parameters as INodeParameters, input as never, options);
const leadsOf = (listId: string): ThrioLead[] => sandbox.state.thrio.leads.get(listId)?.list() ?? [];
const cluster = (pathIncludes?: string) => sandbox.requests({ api: 'thrioCluster', pathIncludes });
const logins = () => sandbox.requests({ api: 'thrioLogin', pathIncludes: 'token-with-authorities' });
const upsertCalls = () => cluster('/leadsupsert');

/** People as the enrichment nodes output them. */
function enriched(n: number) {
	return {
		person: {
			firstName: `Lead${n}`,
			lastName: 'Tester',
			fullName: `Lead${n} Tester`,
			email: `lead${n}@acme.com`,
			title: 'IT Director',
			phones: [
				{ number: `+1512555${String(n % 10_000).padStart(4, '0')}`, type: 'work' },
				{ number: `+1737555${String(n % 10_000).padStart(4, '0')}`, type: 'direct' },
			],
			companyName: 'Acme',
			companyDomain: 'acme.com',
		},
		company: { name: 'Acme Inc', domain: 'acme.com' },
	};
}

const upsert = (parameters: object = {}) => ({
	resource: 'lead',
	operation: 'upsert',
	outboundListId: LIST_A,
	inputMode: 'auto',
	...parameters,
});

describe('Thrio node: outbound list leads', () => {
	it('upserts 2,500 enriched people as leads in 5 batched calls of 500, with no manual mapping', async () => {
		const output = await run(
			upsert(),
			Array.from({ length: 2500 }, (_, n) => enriched(n)),
		);
		expect(output).toHaveLength(2500);
		expect(output.every((item, index) => (item.pairedItem as { item: number }).item === index)).toBe(true);
		expect(upsertCalls().map((entry) => (entry.body as unknown[]).length)).toEqual([500, 500, 500, 500, 500]);
		expect(leadsOf(LIST_A)).toHaveLength(2500);
		// The direct line is what agents dial; the person's name, email and employer come along.
		expect(output[7].json).toMatchObject({
			id: expect.any(String),
			listId: LIST_A,
			phone: '+17375550007',
			firstName: 'Lead7',
			lastName: 'Tester',
			email: 'lead7@acme.com',
			company: 'Acme',
			status: 'NEW',
		});
		expect((upsertCalls()[0].body as object[])[0]).toEqual({
			phone: '+17375550000',
			firstName: 'Lead0',
			lastName: 'Tester',
			email: 'lead0@acme.com',
			company: 'Acme',
		});
	}, 30_000);

	it.each([
		[500, [200, 200]],
		// The first 500 are halved down to 63 and 62, which Thrio takes; the last 100 fit at once.
		[100, [413, 413, 413, 200, 200, 413, 200, 200, 413, 413, 200, 200, 413, 200, 200, 200]],
	])(
		'stores all 600 leads, every item a success, where Thrio takes at most %i leads a call',
		async (max, statuses) => {
			sandbox.configure({ thrio: { maxLeadsPerUpsert: max } });
			const output = await run(
				upsert(),
				Array.from({ length: 600 }, (_, n) => enriched(n)),
			);
			expect(output.filter((item) => item.json.error !== undefined)).toHaveLength(0);
			expect(output.map((item) => item.json.firstName)).toEqual(Array.from({ length: 600 }, (_, n) => `Lead${n}`));
			expect(upsertCalls().map((entry) => entry.status)).toEqual(statuses);
			expect(
				upsertCalls()
					.filter((entry) => entry.status === 200)
					.every((entry) => (entry.body as unknown[]).length <= max),
			).toBe(true);
			expect(leadsOf(LIST_A)).toHaveLength(600);
		},
		30_000,
	);

	it('groups items by outbound list, honours a smaller batch size, and a second run updates instead of adding', async () => {
		const items = Array.from({ length: 5 }, (_, n) => ({ ...enriched(n), list: n % 2 === 0 ? LIST_A : LIST_B }));
		const parameters = upsert({ outboundListId: '={{ $json.list }}', options: { batchSize: 2 } });
		await run(parameters, items);
		expect(upsertCalls().map((entry) => [entry.path.split('/')[5], (entry.body as unknown[]).length])).toEqual([
			[LIST_A, 2],
			[LIST_A, 1],
			[LIST_B, 2],
		]);
		expect([leadsOf(LIST_A).length, leadsOf(LIST_B).length]).toEqual([3, 2]);
		await run(upsert({ outboundListId: '={{ $json.list }}', additionalFields: { externalId: '={{ $json.person.email }}' } }), items);
		expect([leadsOf(LIST_A).length, leadsOf(LIST_B).length]).toEqual([3, 2]);
		expect(leadsOf(LIST_B)[0]).toMatchObject({ externalId: 'lead1@acme.com', firstName: 'Lead1' });
	});

	it('refuses an item without a phone before sending anything, and under continue-on-fail sends the rest in one call', async () => {
		const items = [
			enriched(1),
			{ person: { firstName: 'No', lastName: 'Phone', email: 'np@acme.com' } },
			{ phone: '415-555-0100', first_name: 'Flat' },
		];
		await expect(run(upsert(), items)).rejects.toThrow('Item 1: a lead needs a phone: it is what agents dial');
		expect(upsertCalls()).toHaveLength(0);
		const output = await run(upsert(), items, { continueOnFail: true });
		expect(output.map((item) => item.json.error ?? item.json.phone)).toEqual([
			'+17375550001',
			'Item 1: a lead needs a phone: it is what agents dial',
			'415-555-0100',
		]);
		expect(upsertCalls()).toHaveLength(1);
	});

	it("a call Thrio refuses fails its own items with Thrio's words; the other list still gets its leads", async () => {
		const items = [
			{ ...enriched(1), list: 'no-such-list' },
			{ ...enriched(2), list: LIST_B },
		];
		const output = await run(upsert({ outboundListId: '={{ $json.list }}' }), items, { continueOnFail: true });
		expect(output[0].json.error).toBe('Item 0: Thrio: Outbound list no-such-list not found (HTTP 404)');
		expect(output[1].json).toMatchObject({ listId: LIST_B, firstName: 'Lead2' });
		await expect(run(upsert({ outboundListId: '={{ $json.list }}' }), items)).rejects.toThrow(
			'Item 0: Thrio: Outbound list no-such-list not found (HTTP 404)',
		);
	});

	it('keeps going when the token dies in the middle of a batch: one new login, no failed item', async () => {
		sandbox.configure({ auth: { tokenMaxCalls: { thrio: 3 } } });
		const output = await run(
			upsert(),
			Array.from({ length: 2500 }, (_, n) => enriched(n)),
		);
		expect(output.filter((item) => item.json.error !== undefined)).toHaveLength(0);
		expect(upsertCalls().map((entry) => entry.status)).toEqual([200, 200, 200, 401, 200, 200]);
		expect(logins().map((entry) => entry.status)).toEqual([200, 200]);
		expect(leadsOf(LIST_A)).toHaveLength(2500);
	}, 30_000);

	it('adds one lead per item and resets a lead', async () => {
		const [added] = await run({
			resource: 'lead',
			operation: 'add',
			outboundListId: LIST_B,
			inputMode: 'define',
			phone: '+14155550100',
			additionalFields: { firstName: 'Ada', otherFields: '{"priority": 5}' },
		});
		expect(added.json).toMatchObject({ id: expect.any(String), phone: '+14155550100', firstName: 'Ada', priority: 5, attempts: 0 });
		const stored = sandbox.state.thrio.leads.get(LIST_B)!.get(added.json.id as string)!;
		Object.assign(stored, { attempts: 4, status: 'DIALED' });
		const [reset] = await run({ resource: 'lead', operation: 'reset', outboundListId: LIST_B, leadId: added.json.id });
		expect(reset.json).toMatchObject({ id: added.json.id, attempts: 0, status: 'NEW' });
		expect(cluster('/reset')).toHaveLength(1);
	});
});

describe('Thrio node: contacts', () => {
	it('creates contacts from enriched people, gets and updates one', async () => {
		const output = await run({ resource: 'contact', operation: 'create', inputMode: 'auto' }, [enriched(1), enriched(2)]);
		expect(output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: expect.any(String),
				firstName: 'Lead1',
				email: 'lead1@acme.com',
				phone: '+17375550001',
				company: 'Acme',
			}),
			expect.objectContaining({ firstName: 'Lead2' }),
		]);
		const id = output[0].json.id as string;
		expect((await run({ resource: 'contact', operation: 'get', contactId: id }))[0].json).toMatchObject({ id, lastName: 'Tester' });
		const [updated] = await run({
			resource: 'contact',
			operation: 'update',
			contactId: id,
			updateFields: { lastName: 'Lovelace', company: '', otherFields: '{"tier": "gold"}' },
		});
		expect(updated.json).toMatchObject({ id, lastName: 'Lovelace', company: 'Acme', tier: 'gold' });
		expect(cluster().find((entry) => entry.method === 'PUT')?.body).toEqual({ tier: 'gold', lastName: 'Lovelace' });
	});

	it('searches with q, Return All past 1,000 contacts in 2 requests, a Limit and a start', async () => {
		sandbox.seed('thrio', {
			contact: Array.from({ length: 1200 }, (_, n) => ({
				firstName: `C${n}`,
				email: `c${n}@example.com`,
				segment: n % 3 === 0 ? 'smb' : 'ent',
			})),
		});
		const all = await run({ resource: 'contact', operation: 'search', returnAll: true });
		expect(new Set(all.map((item) => item.json.id)).size).toBe(1200);
		expect(cluster('/data/api/types/contact').map((entry) => entry.query)).toEqual([
			{ rows: '1000', start: '0' },
			{ rows: '1000', start: '1000' },
		]);
		expect(await run({ resource: 'contact', operation: 'search', query: 'segment:smb', returnAll: true })).toHaveLength(400);
		const page = await run({ resource: 'contact', operation: 'search', returnAll: false, limit: 7, options: { start: 10 } });
		expect(page.map((item) => item.json.firstName)).toEqual(['C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16']);
	});

	it('logs in again when the token is revoked between items of one run, and the run goes on', async () => {
		sandbox.configure({ faults: { providers: { thrio: { revokeTokensAfter: 3 } } } });
		const output = await run(
			{ resource: 'contact', operation: 'create', inputMode: 'auto' },
			Array.from({ length: 6 }, (_, n) => enriched(n)),
		);
		expect(output.filter((item) => item.json.error !== undefined)).toHaveLength(0);
		expect(cluster('/data/api/types/contact').map((entry) => entry.status)).toEqual([200, 200, 200, 401, 200, 200, 200]);
		expect(logins()).toHaveLength(2);
		expect(sandbox.state.thrio.type('contact').size).toBe(6);
	});
});

describe('Thrio node: consent and SMS', () => {
	it('records an opt-out, after which Thrio refuses the SMS: its error is on the item, the other SMS goes', async () => {
		const [consent] = await run({ resource: 'consent', operation: 'record', commType: 'SMS', consent: 'optOut', reason: 'Replied STOP' }, [
			enriched(1),
		]);
		// No mobile among the person's phones: the default address falls back to the first one.
		expect(consent.json).toMatchObject({ id: expect.any(String), address: '+15125550001', commType: 'SMS', reason: 'Replied STOP' });
		expect(consent.json).not.toHaveProperty('optIn');
		const sms = { resource: 'sms', operation: 'send', message: 'Hi {{ $json.person.firstName }}' };
		const output = await run({ ...sms, message: '=Hi {{ $json.person.firstName }}' }, [enriched(1), enriched(2)], { continueOnFail: true });
		expect(output[0].json.error).toBe('Thrio: +15125550001 has opted out of SMS (commconsent); message not sent (HTTP 409) [item 0]');
		expect(output[1].json).toEqual({ to: '+15125550002', id: expect.any(String), status: 'queued' });
		expect(sandbox.state.thrio.sms.map((message) => [message.to, message.message])).toEqual([['+15125550002', 'Hi Lead2']]);
		await expect(run(sms, [enriched(1)])).rejects.toThrow(
			'Thrio: +15125550001 has opted out of SMS (commconsent); message not sent (HTTP 409) [item 0]',
		);
		// A refused SMS is not retried: sending it again could text someone who opted out.
		expect(cluster('/users/api/sms').map((entry) => entry.status)).toEqual([409, 200, 409]);
	});

	it('records a consent with its campaign and contact, exactly the documented fields', async () => {
		await run({
			resource: 'consent',
			operation: 'record',
			address: 'ada@acme.com',
			commType: 'EMAIL',
			consent: 'optOut',
			reason: '',
			additionalFields: { campaignId: 'campaign-sandbox-1', contactId: 'c-1' },
		});
		expect(cluster('/commconsent')[0].body).toEqual({
			address: 'ada@acme.com',
			commType: 'EMAIL',
			campaignId: 'campaign-sandbox-1',
			contactId: 'c-1',
		});
	});

	it("refuses 0.1.0's Opt In per item, naming the field, and records nothing: Thrio documents no opt-in", async () => {
		const output = await run(
			{ resource: 'consent', operation: 'record', commType: 'SMS', consent: 'optIn', reason: '' },
			[enriched(1), enriched(2)],
			{
				continueOnFail: true,
			},
		);
		expect(output.map((item) => item.json.error)).toEqual([
			"Item 0: Consent is Opt In, which is not sent: Thrio's API documents no opt-in and reads a consent record as an opt-out",
			expect.stringMatching(/^Item 1: Consent is Opt In/),
		]);
		expect(cluster('/commconsent')).toHaveLength(0);
	});
});

describe('Thrio node: the API base follows the login', () => {
	it('sends every data call to the location the login returned, not to the login host', async () => {
		await run({ resource: 'contact', operation: 'search', returnAll: true });
		expect(logins()).toHaveLength(1);
		expect(sandbox.requests({ provider: 'thrio' }).map((entry) => entry.api)).toEqual(['thrioLogin', 'thrioCluster']);
	});

	it('loads the outbound lists for the dropdown', async () => {
		const helper = new TestCredentialsHelper();
		const credential = helper.add('b2bThrioApi', sandboxCredentials(sandbox).b2bThrioApi);
		const execute = createExecuteContext({
			nodeType: node,
			helper,
			parameters: { resource: 'lead', operation: 'upsert' },
			credentials: { b2bThrioApi: credential },
		});
		const { workflow, node: placed, additionalData } = execute as unknown as { workflow: never; node: INode; additionalData: object };
		const ctx: ILoadOptionsFunctions = new LoadOptionsContext(
			workflow,
			placed,
			{ ...additionalData, currentNodeParameters: placed.parameters } as never,
			'parameters.outboundListId',
		);
		expect(await loadOptions.getOutboundLists.call(ctx)).toEqual([
			{ name: 'Sandbox Outbound A', value: LIST_A },
			{ name: 'Sandbox Outbound B', value: LIST_B },
		]);
	});
});
