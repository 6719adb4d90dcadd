import { syncToHaloPsa } from '../../../lib/destinations/haloPsa/sync';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SETTINGS, asSyncInput, distinctCompanies, haloContext, haloRequests, syncablePeople } from './fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const state = () =>
	sandbox.dumpState('haloPsa') as {
		clients: Array<{ id: number; name: string }>;
		users: Array<{ emailaddress: string; client_id: number }>;
		opportunities: unknown[];
	};

describe('HaloPSA sync', () => {
	it('syncs 1,000 new people into an empty HaloPSA in a few dozen requests, then writes nothing on a second run', async () => {
		const people = syncablePeople(sandbox, 1000);
		const companies = distinctCompanies(people);
		const inputs = people.map((person) => asSyncInput(sandbox, person));

		const first = await syncToHaloPsa(haloContext(sandbox), inputs, SETTINGS);
		const run1 = haloRequests(sandbox);
		// One client list (empty), the clients in batches of 50, the users in batches of 50; no per-item lookups.
		expect(run1.count('GET', 'Client')).toBe(1);
		expect(run1.count('POST', 'Client')).toBe(Math.ceil(companies / 50));
		expect(run1.count('POST', 'Users')).toBe(Math.ceil(1000 / 50));
		expect(run1.count('GET', 'Users')).toBe(0);
		expect(run1.total).toBe(1 + Math.ceil(companies / 50) + 20);
		expect(state().clients).toHaveLength(companies);
		expect(state().users).toHaveLength(1000);
		expect(
			first.every((result) => result.client?.id !== undefined && result.user?.action === 'created' && result.site?.id !== undefined),
		).toBe(true);
		expect(first.filter((result) => result.client?.action === 'created')).toHaveLength(1000);

		const second = await syncToHaloPsa(haloContext(sandbox), inputs, SETTINGS);
		const run2 = haloRequests(sandbox, run1.last);
		// Every client once (pages of 100), every user once (a pass beats one list per client), no writes.
		expect(run2.count('GET', 'Client')).toBe(Math.ceil(companies / 100));
		expect(run2.count('GET', 'Users')).toBe(10);
		expect(run2.count('POST', 'Client') + run2.count('POST', 'Users')).toBe(0);
		expect(run2.total).toBe(Math.ceil(companies / 100) + 10);
		expect(state().clients).toHaveLength(companies);
		expect(state().users).toHaveLength(1000);
		expect(second.every((result) => result.client?.action === 'matched' && result.user?.action === 'matched')).toBe(true);
		expect(second.map((result) => result.user?.id)).toEqual(first.map((result) => result.user?.id));
	});

	it('names a contact known only by email after the email, since HaloPSA requires a name', async () => {
		const [result] = await syncToHaloPsa(haloContext(sandbox), [{ person: { email: 'Lead@Wayne-Enterprises.com' } }], SETTINGS);
		expect(result).toMatchObject({ client: { action: 'created' }, user: { action: 'created' } });
		expect(state().users[0]).toMatchObject({ name: 'lead@wayne-enterprises.com', emailaddress: 'lead@wayne-enterprises.com' });
	});

	it('makes one contact of an email repeated in the input, whatever its case', async () => {
		const [person] = syncablePeople(sandbox, 1);
		const input = asSyncInput(sandbox, person);
		const shouting = { ...input, person: { ...input.person, email: input.person!.email!.toUpperCase() } };
		const results = await syncToHaloPsa(haloContext(sandbox), [input, shouting, input], SETTINGS);
		expect(state().users).toHaveLength(1);
		expect(new Set(results.map((result) => result.user?.id)).size).toBe(1);
	});

	it('matches a client by the domain of a work email, then by name, and never by a free-mail domain', async () => {
		const ctx = haloContext(sandbox);
		await syncToHaloPsa(ctx, [{ company: { name: 'Acme Widgets Ltd', domain: 'acme-widgets.com' } }], SETTINGS);
		const results = await syncToHaloPsa(
			ctx,
			[
				{ person: { firstName: 'A', lastName: 'One', email: 'a.one@acme-widgets.com' } },
				{ person: { firstName: 'B', lastName: 'Two', email: 'b.two@other.io', companyName: 'ACME WIDGETS, Inc.' } },
				{ person: { firstName: 'C', lastName: 'Three', email: 'c.three@gmail.com' } },
			],
			SETTINGS,
		);
		expect(results[0].client).toMatchObject({ action: 'matched' });
		expect(results[1].client).toMatchObject({ action: 'matched', id: results[0].client?.id });
		expect(results[2].client).toMatchObject({ action: 'skipped' });
		expect(state().clients).toHaveLength(1);
	});

	it('shares one new client between items that know its domain and items that know only its name', async () => {
		const results = await syncToHaloPsa(
			haloContext(sandbox),
			[
				{ person: { firstName: 'N', lastName: 'Only', email: 'n@free-agent.dev', companyName: 'Globex' } },
				{ person: { firstName: 'D', lastName: 'Main', email: 'd@globex.com' }, company: { name: 'Globex', domain: 'globex.com' } },
			],
			SETTINGS,
		);
		expect(state().clients).toHaveLength(1);
		expect(results[0].client?.id).toBe(results[1].client?.id);
	});

	it('can skip items without a client, or put them under a catch-all client', async () => {
		const ctx = haloContext(sandbox);
		const [catchAll] = (await syncToHaloPsa(ctx, [{ company: { name: 'Unsorted Leads' } }], SETTINGS)).map((result) => result.client?.id);
		const input = { person: { firstName: 'Z', lastName: 'Z', email: 'z@newco.io' }, company: { name: 'NewCo', domain: 'newco.io' } };
		const [skippedItem] = await syncToHaloPsa(ctx, [input], { ...SETTINGS, whenNoClient: 'skip' });
		expect(skippedItem).toMatchObject({ client: { action: 'skipped' }, user: { action: 'skipped' } });
		const [caught] = await syncToHaloPsa(ctx, [input], { ...SETTINGS, whenNoClient: 'catchAll', catchAllClientId: catchAll });
		expect(caught).toMatchObject({ client: { action: 'matched', id: catchAll }, user: { action: 'created' } });
		expect(state().clients).toHaveLength(1);
	});

	it('fills only empty fields by default, and overwrites when asked', async () => {
		const ctx = haloContext(sandbox);
		const base = {
			person: { firstName: 'Eve', lastName: 'Adams', email: 'eve@initech.com', title: 'Engineer' },
			company: { name: 'Initech', domain: 'initech.com' },
		};
		await syncToHaloPsa(ctx, [base], SETTINGS);
		const promoted = { ...base, person: { ...base.person, title: 'CTO', phones: [{ number: '+1 555 0100', type: 'work' as const }] } };
		const [filled] = await syncToHaloPsa(ctx, [promoted], SETTINGS);
		expect(filled.user).toMatchObject({ action: 'updated' });
		expect(state().users[0]).toMatchObject({ jobtitle: 'Engineer', phonenumber: '+1 555 0100' });
		const [overwritten] = await syncToHaloPsa(ctx, [promoted], { ...SETTINGS, fieldPolicy: 'overwrite' });
		expect(overwritten.user).toMatchObject({ action: 'updated' });
		expect(state().users[0]).toMatchObject({ jobtitle: 'CTO' });
		const [unchanged] = await syncToHaloPsa(ctx, [promoted], { ...SETTINGS, fieldPolicy: 'overwrite' });
		expect(unchanged.user).toMatchObject({ action: 'matched' });
	});

	it('dry run: the same outcomes, nothing written', async () => {
		const inputs = syncablePeople(sandbox, 20).map((person) => asSyncInput(sandbox, person));
		const results = await syncToHaloPsa(haloContext(sandbox), inputs, { ...SETTINGS, dryRun: true });
		expect(results.every((result) => result.client?.action === 'created' && result.user?.action === 'created')).toBe(true);
		expect(haloRequests(sandbox).count('POST', 'Client') + haloRequests(sandbox).count('POST', 'Users')).toBe(0);
		expect(state().clients).toHaveLength(0);
	});

	it('opens an opportunity once per contact and summary', async () => {
		const ctx = haloContext(sandbox);
		const inputs = syncablePeople(sandbox, 3).map((person) => ({
			...asSyncInput(sandbox, person),
			opportunity: { entity: 'Opportunities' as const, summary: 'Inbound: managed services', ticketTypeId: 4 },
		}));
		const first = await syncToHaloPsa(ctx, inputs, SETTINGS);
		expect(first.map((result) => result.opportunity?.action)).toEqual(['created', 'created', 'created']);
		const second = await syncToHaloPsa(ctx, inputs, SETTINGS);
		expect(second.map((result) => result.opportunity?.action)).toEqual(['matched', 'matched', 'matched']);
		expect(state().opportunities).toHaveLength(3);
	});

	it("a refused record fails alone with HaloPSA's message; the rest of its batch is written", async () => {
		const inputs = syncablePeople(sandbox, 10).map((person) => asSyncInput(sandbox, person));
		// A contact HaloPSA refuses: a custom field it does not have.
		inputs[6] = { ...inputs[6], customFields: { user: [{ id: 999, value: 'x' }] } };
		const results = await syncToHaloPsa(haloContext(sandbox), inputs, SETTINGS);
		expect(results[6].user).toMatchObject({ action: 'failed', reason: expect.stringMatching(/^HaloPSA: .*\(HTTP 400\)/) });
		expect(results.filter((result) => result.user?.action === 'created')).toHaveLength(9);
		expect(state().users).toHaveLength(9);
	});

	it('never re-sends a batch whose answer was lost: it looks, then writes only what is missing', async () => {
		const inputs = syncablePeople(sandbox, 60).map((person) => asSyncInput(sandbox, person));
		// Every write is carried out and then its connection dropped: the answer never arrives.
		sandbox.configure({ faults: { providers: { haloPsa: { dropAfterWriteRate: 1 } } } });
		const results = await syncToHaloPsa(haloContext(sandbox), inputs, SETTINGS);
		expect(results.every((result) => result.user?.action === 'created' && result.user.id !== undefined)).toBe(true);
		expect(state().users).toHaveLength(60);
		expect(new Set(state().clients.map((client) => client.name)).size).toBe(state().clients.length);
	});
});

describe('HaloPSA sync under rate limiting', () => {
	it('completes with no failed item when HaloPSA refuses bursts with 429', async () => {
		// Far below HaloPSA's real limit, so the small batches below run into it again and again.
		sandbox.configure({ rateLimits: { haloPsa: { requests: 5, windowMs: 1000 } } });
		const inputs = syncablePeople(sandbox, 60).map((person) => asSyncInput(sandbox, person));
		const results = await syncToHaloPsa(haloContext(sandbox), inputs, { ...SETTINGS, batchSize: 5 });
		const statuses = sandbox.requests({ provider: 'haloPsa' }).map((entry) => entry.status);
		expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
		expect(results.every((result) => result.user?.action === 'created')).toBe(true);
		expect(state().users).toHaveLength(60);
	}, 60_000);
});
