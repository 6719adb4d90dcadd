import type { INodeParameters } from 'n8n-workflow';

import { HALO_MAX_PAGE_SIZE, listAll, listPage } from '../../../lib/destinations/haloPsa';
import type { HaloEntity } from '../../../lib/destinations/haloPsa';
import { B2bHaloPsa } from '../../../nodes/B2bHaloPsa/B2bHaloPsa.node';
import * as loadOptions from '../../../nodes/B2bHaloPsa/methods/loadOptions';
import type { HaloListShape } from '../../../sandbox/halopsa';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { TestCredentialsHelper, createExecuteContext } from '../../harness';
import { runWithSandbox, sandboxCredentials } from '../../nodes/run';
import { haloContext } from './fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

/** The list requests made for one entity, with what they asked for. */
const lists = (entity: HaloEntity) =>
	sandbox
		.requests({ provider: 'haloPsa', method: 'GET' })
		.filter((entry) => entry.path === `/api/${entity}`)
		.map((entry) => ({ status: entry.status, query: entry.query }));

/** The sandbox starts with 4 ticket types; this adds more, up to `total`. */
function ticketTypes(total: number): string[] {
	sandbox.seed('haloPsa', { TicketType: Array.from({ length: total - 4 }, (_, n) => ({ name: `Type ${n}` })) });
	return (sandbox.dumpState('haloPsa') as { ticketTypes: Array<{ name: string }> }).ticketTypes.map((type) => type.name);
}

const shape = (entity: HaloEntity, answer: HaloListShape) => sandbox.haloPsa.listShapes.set(entity, answer);

describe('HaloPSA lists in either answer shape', () => {
	it.each<[string, HaloListShape | undefined, string[]]>([
		['{record_count, tickettypes} pages', undefined, ['1', '2', '3']],
		['plain-array pages without record_count', 'pagedArray', ['1', '2', '3']],
		['one plain array of every record, paging ignored', 'wholeArray', ['1']],
	])('reads 230 ticket types from %s: all, once each, in order', async (_name, answer, pagesAsked) => {
		const names = ticketTypes(230);
		if (answer) shape('TicketType', answer);
		const records = await listAll(haloContext(sandbox), 'TicketType');
		expect(records.map((record) => record.name)).toEqual(names);
		expect(new Set(records.map((record) => record.id)).size).toBe(230);
		const asked = lists('TicketType');
		expect(asked.map((entry) => entry.query.page_no)).toEqual(pagesAsked);
		expect(asked.every((entry) => entry.status === 200 && entry.query.pageinate === 'true' && entry.query.page_size === '100')).toBe(true);
	});

	it('without record_count a full page asks for the next: 200 ticket types as array pages are 3 requests, the last empty', async () => {
		ticketTypes(200);
		shape('TicketType', 'pagedArray');
		expect(await listAll(haloContext(sandbox), 'TicketType')).toHaveLength(200);
		expect(lists('TicketType').map((entry) => entry.query.page_no)).toEqual(['1', '2', '3']);
	});

	it('stops when an unpaged array answers the same full page again: 100 agents, 2 requests, none twice', async () => {
		sandbox.seed('haloPsa', { Agent: Array.from({ length: HALO_MAX_PAGE_SIZE - 3 }, (_, n) => ({ name: `Agent ${n}` })) });
		shape('Agent', 'wholeArray');
		const agents = await listAll(haloContext(sandbox), 'Agent');
		expect(agents).toHaveLength(100);
		expect(new Set(agents.map((agent) => agent.id)).size).toBe(100);
		expect(lists('Agent').map((entry) => entry.query.page_no)).toEqual(['1', '2']);
	});

	it('a limit is honoured in every shape: 50 ticket types in one request of 50', async () => {
		ticketTypes(230);
		for (const answer of [undefined, 'pagedArray', 'wholeArray'] as const) {
			sandbox.haloPsa.listShapes.clear();
			if (answer) shape('TicketType', answer);
			const since = lists('TicketType').length;
			expect(await listAll(haloContext(sandbox), 'TicketType', {}, 50)).toHaveLength(50);
			expect(
				lists('TicketType')
					.slice(since)
					.map((entry) => entry.query.page_size),
			).toEqual(['50']);
		}
	});

	it("listPage's total: record_count if given; else what was seen after a short page, Infinity after a full one", async () => {
		ticketTypes(230);
		const ctx = haloContext(sandbox);
		expect((await listPage(ctx, 'TicketType', {}, 1, 100)).total).toBe(230);
		shape('TicketType', 'pagedArray');
		expect(await listPage(ctx, 'TicketType', {}, 1, 100)).toMatchObject({ records: expect.any(Array), total: Infinity });
		const last = await listPage(ctx, 'TicketType', {}, 3, 100);
		expect([last.records.length, last.total]).toEqual([30, 230]);
		shape('TicketType', 'wholeArray');
		const whole = await listPage(ctx, 'TicketType', {}, 1, 100);
		expect([whole.records.length, whole.total]).toEqual([230, 230]);
	});
});

describe('HaloPSA node with plain-array answers (F9)', () => {
	const node = new B2bHaloPsa();

	beforeEach(() => {
		for (const entity of ['Agent', 'TicketType', 'FieldInfo'] as const) shape(entity, 'wholeArray');
	});

	it('fills the Agent, Ticket Type and Custom Field dropdowns', async () => {
		const helper = new TestCredentialsHelper();
		const credential = helper.add('b2bHaloPsaOAuth2Api', sandboxCredentials(sandbox).b2bHaloPsaOAuth2Api);
		const ctx = createExecuteContext({ nodeType: node, helper, parameters: {}, credentials: { b2bHaloPsaOAuth2Api: credential } }) as never;
		expect((await loadOptions.getAgents.call(ctx)).map((option) => option.name)).toEqual(['Alex Morgan', 'API Agent', 'Sam Rivera']);
		expect(await loadOptions.getTicketTypes.call(ctx)).toEqual([
			{ name: 'Incident', value: 1 },
			{ name: 'Lead', value: 3 },
			{ name: 'Opportunity', value: 4 },
			{ name: 'Service Request', value: 2 },
		]);
		expect((await loadOptions.getCustomFields.call(ctx)).map((option) => [option.name, option.value])).toEqual([
			['Enriched At', 204],
			['Lead Source', 202],
			['LinkedIn URL', 201],
			['Seniority', 203],
			['Sent to Dialer', 205],
		]);
		// Each dropdown was one request, answered as a plain array.
		expect([lists('Agent'), lists('TicketType'), lists('FieldInfo')].map((asked) => asked.length)).toEqual([1, 1, 1]);
	});

	it('resolves a custom field given by name from a plain-array /FieldInfo', async () => {
		const run = async (parameters: object) => await runWithSandbox(sandbox, node, parameters as INodeParameters, [{}] as never, {});
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Hooli' });
		await run({
			resource: 'user',
			operation: 'create',
			client_id: client.json.id,
			name: 'Gavin Belson',
			customFields: { field: [{ field: 'Lead Source', value: 'apollo' }] },
		});
		const users = (sandbox.dumpState('haloPsa') as { users: Array<{ customfields?: unknown }> }).users;
		expect(users[0].customfields).toEqual([expect.objectContaining({ id: 202, value: 'apollo' })]);
		expect(lists('FieldInfo')).toHaveLength(1);
	});
});
