import type { IDataObject, IHttpRequestOptions, INode, INodeParameters } from 'n8n-workflow';

import { HaloPsaPollingTrigger } from '../../nodes/HaloPsaPollingTrigger/HaloPsaPollingTrigger.node';
import { baseline, changesSince } from '../../nodes/HaloPsaPollingTrigger/changes';
import type { PollSettings } from '../../nodes/HaloPsaPollingTrigger/cursor';
import type { TransportContext } from '../../lib/transport';
import { PollTrigger, TestCredentialsHelper } from '../harness';
import { useSandbox } from '../credentials-flow/flow';
import { haloPsaApiCredential } from './haloPsa';

const sandbox = useSandbox();
const halo = () => sandbox().haloPsa.state;

function poller(parameters: IDataObject): PollTrigger {
	const helper = new TestCredentialsHelper();
	const credential = haloPsaApiCredential(helper, sandbox());
	return new PollTrigger({
		nodeType: new HaloPsaPollingTrigger(),
		parameters: parameters as INodeParameters,
		helper,
		credentials: { b2bHaloPsaOAuth2Api: credential },
	});
}

/** HaloPSA's own date format: no zone, milliseconds. */
const haloDate = (minute: number, second = 0) => `2025-01-15T10:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}.000`;

function seedClients(count: number, from = 1, fields: (n: number) => IDataObject = () => ({})): void {
	sandbox().seed('haloPsa', { Client: Array.from({ length: count }, (_, i) => ({ name: `Client ${from + i}`, ...fields(from + i) })) });
}

const ids = (items: Array<Record<string, unknown>>) => items.map((item) => item.id);
const apiCalls = () => sandbox().requests({ provider: 'haloPsa', pathIncludes: '/api/' }).length;

describe('HaloPSA Polling Trigger: new records', () => {
	it('records a cursor on the first poll and emits nothing, then each new record exactly once, oldest first', async () => {
		seedClients(5);
		const node = poller({ entity: 'Client', event: 'created' });
		expect(await node.poll()).toBeNull();
		expect(node.staticData()).toMatchObject({ cursor: { maxId: 5 } });

		seedClients(3, 6);
		expect(ids(await node.pollItems())).toEqual([6, 7, 8]);
		expect(await node.poll()).toBeNull();
		expect(node.staticData()).toMatchObject({ cursor: { maxId: 8 } });
	});

	it('emits every one of more new records than fit on a page, once, and a quiet poll costs one request', async () => {
		seedClients(130);
		const node = poller({ entity: 'Client', event: 'created' });
		expect(await node.poll()).toBeNull();
		seedClients(250, 131);
		const emitted = ids(await node.pollItems());
		expect(emitted).toEqual(Array.from({ length: 250 }, (_, i) => 131 + i));
		sandbox().clearLog();
		expect(await node.poll()).toBeNull();
		expect(apiCalls()).toBe(1);
	});

	it('keeps its place across a restart (static data saved and read back)', async () => {
		seedClients(2);
		const node = poller({ entity: 'Tickets', event: 'created' });
		sandbox().seed('haloPsa', { Tickets: [{ summary: 'Old ticket' }] });
		expect(await node.poll()).toBeNull();
		node.reload();
		sandbox().seed('haloPsa', { Tickets: [{ summary: 'New ticket', client_id: 1 }] });
		expect((await node.pollItems()).map((ticket) => ticket.summary)).toEqual(['New ticket']);
		node.reload();
		expect(await node.poll()).toBeNull();
	});

	it('starts over without a flood when its settings change', async () => {
		seedClients(4);
		const node = poller({ entity: 'Client', event: 'created' });
		await node.poll();
		const other = new PollTrigger({
			...node.options,
			parameters: { entity: 'Client', event: 'created', options: { includeInactive: true } },
		});
		other.workflow = node.workflow;
		expect(await other.poll()).toBeNull();
	});

	it('reads every page when asked to, with the same result', async () => {
		seedClients(120);
		const node = poller({ entity: 'Client', event: 'created', options: { fullScan: true } });
		expect(await node.poll()).toBeNull();
		seedClients(2, 121);
		expect(ids(await node.pollItems())).toEqual([121, 122]);
		expect(await node.poll()).toBeNull();
	});

	it('returns existing records on a manual test only when asked to', async () => {
		seedClients(5);
		expect(await poller({ entity: 'Client', event: 'created' }).poll('manual')).toBeNull();
		expect(ids(await poller({ entity: 'Client', event: 'created', options: { testRecords: 2 } }).pollItems('manual'))).toEqual([5, 4]);
		expect(await poller({ entity: 'Client', event: 'created', options: { testRecords: 2 } }).poll('trigger')).toBeNull();
	});
});

describe('HaloPSA Polling Trigger: new or updated records', () => {
	it("by last-changed field (clients' alastupdate): each change once, including changes in the same second", async () => {
		seedClients(4, 1, (n) => ({ alastupdate: haloDate(n) }));
		const node = poller({ entity: 'Client', event: 'createdOrUpdated' });
		expect(await node.poll()).toBeNull();
		expect(node.staticData()).toMatchObject({ cursor: { maxId: 4, changedIds: [4] } });

		sandbox().seed('haloPsa', { Client: [{ id: 2, website: 'https://two.example', alastupdate: haloDate(30) }] });
		seedClients(1, 5, () => ({ alastupdate: haloDate(30) }));
		expect(ids(await node.pollItems())).toEqual([2, 5]);
		expect(await node.poll()).toBeNull();

		// Another change stamped with the very same time as the last one seen.
		sandbox().seed('haloPsa', { Client: [{ id: 3, alastupdate: haloDate(30) }] });
		expect(ids(await node.pollItems())).toEqual([3]);
		sandbox().seed('haloPsa', { Client: [{ id: 1, alastupdate: haloDate(45) }] });
		expect(ids(await node.pollItems())).toEqual([1]);
		expect(await node.poll()).toBeNull();
	});

	it('by last-changed field across several pages (opportunities, lastactiondate)', async () => {
		sandbox().seed('haloPsa', {
			Opportunities: Array.from({ length: 220 }, (_, i) => ({ summary: `Deal ${i + 1}`, lastactiondate: haloDate(0, i % 60) })),
		});
		const node = poller({ entity: 'Opportunities', event: 'createdOrUpdated' });
		expect(await node.poll()).toBeNull();
		sandbox().seed('haloPsa', {
			Opportunities: Array.from({ length: 150 }, (_, i) => ({ id: i + 1, lastactiondate: haloDate(20, i % 60) })),
		});
		const emitted = ids(await node.pollItems());
		expect(new Set(emitted).size).toBe(150);
		expect([...emitted].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
		expect(await node.poll()).toBeNull();
	});

	it('by record contents (users have no last-changed field): new and edited users, once', async () => {
		seedClients(1);
		sandbox().seed('haloPsa', {
			Users: [
				{ name: 'Ada Lovelace', client_id: 1 },
				{ name: 'Alan Turing', client_id: 1 },
			],
		});
		const node = poller({ entity: 'Users', event: 'createdOrUpdated' });
		expect(await node.poll()).toBeNull();
		expect(Object.keys((node.staticData().cursor as IDataObject).hashes as object)).toHaveLength(2);

		const [ada] = halo().users.list();
		sandbox().seed('haloPsa', {
			Users: [
				{ id: ada.id, jobtitle: 'Analyst' },
				{ name: 'Grace Hopper', client_id: 1 },
			],
		});
		expect((await node.pollItems()).map((user) => user.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
		expect(await node.poll()).toBeNull();
	});

	it('asks for a field when told to use one on an entity that has none', async () => {
		await expect(poller({ entity: 'Users', event: 'createdOrUpdated', detection: 'updatedField' }).poll()).rejects.toThrow(/last changed/);
	});
});

describe('HaloPSA Polling Trigger against a HaloPSA that ignores `order`', () => {
	/** HaloPSA answering lists in id order whatever `order` says. */
	function unorderedHalo(records: IDataObject[]): TransportContext {
		const node = { name: 'Poll', credentials: {} } as unknown as INode;
		return {
			getNode: () => node,
			getCredentials: async () => ({ baseUrl: 'https://halo.example' }) as never,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					const qs = options.qs as { page_no: number; page_size: number };
					const page = records.slice((qs.page_no - 1) * qs.page_size, qs.page_no * qs.page_size);
					return { statusCode: 200, headers: {}, body: { record_count: records.length, clients: page } };
				},
			},
		};
	}

	it('notices the pages are not newest first and reads them all rather than miss a record', async () => {
		const records: IDataObject[] = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, name: `C${i + 1}` }));
		const settings: PollSettings = {
			entity: 'Client',
			includeUpdates: false,
			detection: 'updatedField',
			field: '',
			fullScan: false,
			filters: {},
		};
		const ctx = unorderedHalo(records);
		const cursor = await baseline(ctx, settings, 'k');
		expect(cursor.maxId).toBe(150);
		records.push({ id: 151, name: 'C151' }, { id: 152, name: 'C152' });
		const changes = await changesSince(ctx, settings, cursor);
		expect(changes.records.map((record) => record.id)).toEqual([151, 152]);
		expect(changes.cursor.maxId).toBe(152);
	});
});
