import { syncToHaloPsa } from '../../../lib/destinations/haloPsa/sync';
import type { EntityOutcome, InactiveRecords, OpportunitySettings, SyncInput } from '../../../lib/destinations/haloPsa/sync';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/server';
import { SETTINGS, asSyncInput, haloContext, haloRequests, syncablePeople } from './fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

interface Row {
	id: number;
	inactive?: boolean;
	[field: string]: unknown;
}
const state = () => sandbox.dumpState('haloPsa') as { clients: Row[]; users: Row[]; sites: Row[]; opportunities: Row[]; tickets: Row[] };
const userById = (id: number | undefined) => state().users.find((user) => user.id === id);

/** As an agent deactivates records in HaloPSA: an update that sets `inactive`. */
function deactivate(entity: 'Client' | 'Users' | 'Site' | 'Opportunities' | 'Tickets', ids: number[]): void {
	sandbox.seed('haloPsa', { [entity]: ids.map((id) => ({ id, inactive: true })) });
}

const PEOPLE = 40;
/** The items whose contacts are deactivated between the two runs. */
const DEACTIVATED = [3, 17];

/**
 * PEOPLE people synced without their job titles, then DEACTIVATED's contacts deactivated in
 * HaloPSA. The inputs returned carry the titles, so a second run has a field to fill on every
 * contact, and whether the inactive ones get it shows whether they were written.
 */
async function syncThenDeactivateTwo(): Promise<{ inputs: SyncInput[]; ids: number[]; since: number }> {
	const inputs = syncablePeople(sandbox, PEOPLE).map((person) => asSyncInput(sandbox, person));
	const untitled = inputs.map((input) => ({ ...input, person: { ...input.person, title: undefined } }));
	const first = await syncToHaloPsa(haloContext(sandbox), untitled, SETTINGS);
	expect(first.every((result) => result.user?.action === 'created')).toBe(true);
	const ids = DEACTIVATED.map((itemIndex) => first[itemIndex].user?.id as number);
	deactivate('Users', ids);
	return { inputs, ids, since: haloRequests(sandbox).last };
}

const inactiveItems = (results: Array<{ user?: EntityOutcome }>) =>
	results.flatMap((result, itemIndex) => (result.user?.inactive ? [itemIndex] : []));
const titleOf = (input: SyncInput) => input.person?.title;

describe('HaloPSA sync: contacts deactivated in HaloPSA', () => {
	it('a second run matches them instead of creating them again, and by default writes nothing to them', async () => {
		const { inputs, ids, since } = await syncThenDeactivateTwo();
		const second = await syncToHaloPsa(haloContext(sandbox), inputs, SETTINGS);

		expect(state().users).toHaveLength(PEOPLE);
		expect(inactiveItems(second)).toEqual(DEACTIVATED);
		for (const [n, itemIndex] of DEACTIVATED.entries()) {
			expect(second[itemIndex].user).toEqual({
				action: 'matched',
				id: ids[n],
				inactive: true,
				reason: 'inactive in HaloPSA: left as it is',
			});
			expect(userById(ids[n])?.inactive).toBe(true);
			expect(userById(ids[n])?.jobtitle).toBeUndefined();
		}
		// The active contacts get their titles; the inactive ones are in no request's body.
		expect(second.filter((result) => result.user?.action === 'updated')).toHaveLength(PEOPLE - DEACTIVATED.length);
		const written = sandbox
			.requests({ provider: 'haloPsa', method: 'POST', pathIncludes: '/Users', since })
			.flatMap((entry) => (entry.body as Row[]).map((record) => record.id));
		expect(written).toHaveLength(PEOPLE - DEACTIVATED.length);
		expect(written).not.toEqual(expect.arrayContaining([ids[0]]));
		expect(written).not.toEqual(expect.arrayContaining([ids[1]]));
	});

	it('set to reactivate: makes them active again and updates them, creating none', async () => {
		const { inputs, ids } = await syncThenDeactivateTwo();
		const second = await syncToHaloPsa(haloContext(sandbox), inputs, { ...SETTINGS, inactiveRecords: 'reactivate' });

		expect(state().users).toHaveLength(PEOPLE);
		expect(inactiveItems(second)).toEqual([]);
		for (const [n, itemIndex] of DEACTIVATED.entries()) {
			expect(second[itemIndex].user).toEqual({ action: 'updated', id: ids[n], reason: 'reactivated (it was inactive in HaloPSA)' });
			expect(userById(ids[n])).toMatchObject({ inactive: false, jobtitle: titleOf(inputs[itemIndex]) });
		}
	});

	it('set to update only: updates their fields under the field policy and leaves them inactive, creating none', async () => {
		const { inputs, ids } = await syncThenDeactivateTwo();
		const second = await syncToHaloPsa(haloContext(sandbox), inputs, { ...SETTINGS, inactiveRecords: 'updateOnly' });

		expect(state().users).toHaveLength(PEOPLE);
		expect(inactiveItems(second)).toEqual(DEACTIVATED);
		for (const [n, itemIndex] of DEACTIVATED.entries()) {
			expect(second[itemIndex].user).toEqual({
				action: 'updated',
				id: ids[n],
				inactive: true,
				reason: 'updated and left inactive in HaloPSA',
			});
			expect(userById(ids[n])).toMatchObject({ inactive: true, jobtitle: titleOf(inputs[itemIndex]) });
		}
		// With nothing left to fill, the inactive ones are matched and still said to be inactive.
		const third = await syncToHaloPsa(haloContext(sandbox), inputs, { ...SETTINGS, inactiveRecords: 'updateOnly' });
		expect(third[DEACTIVATED[0]].user).toEqual({
			action: 'matched',
			id: ids[0],
			inactive: true,
			reason: 'inactive in HaloPSA: nothing to update, left inactive',
		});
	});

	it('dry run: says what would become of them and writes nothing', async () => {
		const { inputs, ids, since } = await syncThenDeactivateTwo();
		const dryRun = await syncToHaloPsa(haloContext(sandbox), inputs, { ...SETTINGS, inactiveRecords: 'reactivate', dryRun: true });
		expect(dryRun[DEACTIVATED[0]].user).toEqual({
			action: 'updated',
			id: ids[0],
			reason: 'dry run: would be reactivated (it was inactive in HaloPSA)',
		});
		expect(haloRequests(sandbox, since).count('POST', 'Users')).toBe(0);
		expect(userById(ids[0])).toMatchObject({ inactive: true });
	});

	it('after a lost answer, finds the contacts it wrote even when they were deactivated before it looked', async () => {
		const inputs = syncablePeople(sandbox, 10).map((person) => asSyncInput(sandbox, person));
		const ctx = haloContext(sandbox);
		// Every write is carried out and its answer lost; the contacts are deactivated before the sync looks for them.
		sandbox.configure({ faults: { providers: { haloPsa: { dropAfterWriteRate: 1 } } } });
		const send = ctx.helpers.httpRequestWithAuthentication;
		ctx.helpers.httpRequestWithAuthentication = async function (this: unknown, ...args: Parameters<typeof send>) {
			try {
				return await send.apply(this as never, args);
			} catch (error) {
				deactivate(
					'Users',
					state().users.map((user) => user.id),
				);
				throw error;
			}
		};
		const results = await syncToHaloPsa(ctx, inputs, SETTINGS);
		expect(haloRequests(sandbox).count('POST', 'Users')).toBe(1);
		expect(state().users).toHaveLength(10);
		expect(results.every((result) => result.user?.action === 'created' && result.user.id !== undefined)).toBe(true);
	});
});

describe('HaloPSA sync: an inactive client matched by domain', () => {
	// The input names the company differently, so under the Overwrite policy the client has a field to update.
	const input: SyncInput = {
		person: { firstName: 'Jo', lastName: 'Park', email: 'jo.park@acme-widgets.com' },
		company: { name: 'Acme Widgets International', domain: 'acme-widgets.com' },
	};
	it.each<[InactiveRecords, Partial<EntityOutcome>, Partial<Row>]>([
		[
			'leave',
			{ action: 'matched', inactive: true, reason: 'matched by domain or name; inactive in HaloPSA: left as it is' },
			{ name: 'Acme Widgets', inactive: true },
		],
		[
			'reactivate',
			{ action: 'updated', reason: 'reactivated (it was inactive in HaloPSA)' },
			{ name: input.company?.name, inactive: false },
		],
		[
			'updateOnly',
			{ action: 'updated', inactive: true, reason: 'updated and left inactive in HaloPSA' },
			{ name: input.company?.name, inactive: true },
		],
	])('set to %s: is the client of the contact, no second client is created', async (inactiveRecords, outcome, after) => {
		sandbox.seed('haloPsa', { Client: [{ name: 'Acme Widgets', website: 'https://acme-widgets.com', inactive: true }] });
		const [seeded] = state().clients;
		const [result] = await syncToHaloPsa(haloContext(sandbox), [input], { ...SETTINGS, fieldPolicy: 'overwrite', inactiveRecords });

		expect(result.client).toEqual({ id: seeded.id, ...outcome });
		expect(state().clients).toHaveLength(1);
		expect(state().clients[0]).toMatchObject(after);
		expect(result.user).toMatchObject({ action: 'created' });
		expect(state().users).toEqual([expect.objectContaining({ client_id: seeded.id, emailaddress: 'jo.park@acme-widgets.com' })]);
	});
});

describe('HaloPSA sync: an inactive named site', () => {
	it('is matched, not created again, and reactivated when the sync is set to', async () => {
		const ctx = haloContext(sandbox);
		const input: SyncInput = { ...asSyncInput(sandbox, syncablePeople(sandbox, 1)[0]), siteName: 'Berlin' };
		const [first] = await syncToHaloPsa(ctx, [input], SETTINGS);
		const siteId = first.site?.id as number;
		expect(first.site).toMatchObject({ action: 'created' });
		deactivate('Site', [siteId]);
		const sites = state().sites.length;

		const [left] = await syncToHaloPsa(ctx, [input], SETTINGS);
		expect(left.site).toEqual({ action: 'matched', id: siteId, inactive: true, reason: 'inactive in HaloPSA: left as it is' });
		const [reactivated] = await syncToHaloPsa(ctx, [input], { ...SETTINGS, inactiveRecords: 'reactivate' });
		expect(reactivated.site).toEqual({ action: 'updated', id: siteId, reason: 'reactivated (it was inactive in HaloPSA)' });
		expect(state().sites).toHaveLength(sites);
		expect(state().sites.find((site) => site.id === siteId)).toMatchObject({ inactive: false });
	});
});

describe('HaloPSA sync: opportunities and lead tickets deactivated or closed in HaloPSA', () => {
	it.each<[OpportunitySettings['entity'], 'opportunities' | 'tickets', number]>([
		['Opportunities', 'opportunities', 4],
		['Tickets', 'tickets', 3],
	])(
		'%s: an inactive open one still counts, so none is opened again; a closed one is followed by a new one',
		async (entity, table, ticketTypeId) => {
			const ctx = haloContext(sandbox);
			const inputs = syncablePeople(sandbox, 3).map((person) => ({
				...asSyncInput(sandbox, person),
				opportunity: { entity, summary: 'Inbound: managed services', ticketTypeId },
			}));
			const first = await syncToHaloPsa(ctx, inputs, SETTINGS);
			const [closed, shelved] = first.map((result) => result.opportunity?.id as number);
			sandbox.seed('haloPsa', { [entity]: [{ id: closed, status_id: 9 }] });
			deactivate(entity, [shelved]);

			const second = await syncToHaloPsa(ctx, inputs, { ...SETTINGS, inactiveRecords: 'reactivate' });
			expect(second.map((result) => result.opportunity?.action)).toEqual(['created', 'matched', 'matched']);
			expect(second[1].opportunity).toEqual({
				action: 'matched',
				id: shelved,
				inactive: true,
				reason: 'an open one for this contact with this summary exists; inactive in HaloPSA: left as it is',
			});
			const rows = () => state()[table];
			expect(rows()).toHaveLength(4);
			expect(rows().find((row) => row.id === closed)).toMatchObject({ status_id: 9 });
			expect(rows().find((row) => row.id === shelved)).toMatchObject({ inactive: true });
		},
	);
});
