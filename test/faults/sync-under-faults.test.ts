import { normalizeDomain, normalizeEmail } from '../../lib/normalize';
import { syncToHaloPsa } from '../../lib/sync';
import type { ItemSyncResult } from '../../lib/sync';
import { SETTINGS, asSyncInput, clientNames, distinctCompanies, haloContext, haloRequests, syncablePeople } from '../sync/fixtures';
import { ISSUE_FAULTS, faultsIn, sandboxOnSkippingClock } from './fixtures';

// 2,000 people with an email need more than the default 2,000 fixtures (about 15% have none).
const sandbox = sandboxOnSkippingClock({ fixtures: { people: 2600 } });

interface HaloState {
	clients: Array<{ id: number; name: string; website?: string }>;
	users: Array<{ id: number; emailaddress: string; client_id: number }>;
}
const state = () => sandbox().dumpState('haloPsa') as HaloState;

const actions = (results: ItemSyncResult[]) => results.flatMap((result) => Object.values(result).map((outcome) => outcome?.action));

function duplicatesOf(values: Array<string | undefined>): string[] {
	const seen = new Set<string>();
	return values.filter((value): value is string => value !== undefined && (seen.has(value) || !seen.add(value)));
}

describe('HaloPSA sync under faults', () => {
	it('syncs 2,000 people exactly once through 5xx, dropped connections, lost answers, 429 bursts and a revoked token; a second run writes nothing', async () => {
		const people = syncablePeople(sandbox(), 2000);
		expect(people).toHaveLength(2000);
		const inputs = people.map((person) => asSyncInput(sandbox(), person));
		const emails = inputs.map((input) => normalizeEmail(input.person?.email));
		// Seed 7 puts a lost answer on a client batch and on a contact batch, where a blind re-send would duplicate.
		sandbox().configure({ faults: { seed: 7, providers: { haloPsa: { ...ISSUE_FAULTS, revokeTokensAfter: 40 } } } });

		const first = await syncToHaloPsa(haloContext(sandbox()), inputs, SETTINGS);
		const run1 = haloRequests(sandbox());
		const log1 = sandbox().requests({ provider: 'haloPsa' });

		expect(first).toHaveLength(2000);
		expect(actions(first).filter((action) => action === 'failed')).toEqual([]);
		expect(first.every((result) => result.client?.action === 'created' && result.site?.id !== undefined && result.user?.action === 'created')).toBe(true);

		const { clients, users } = state();
		expect(users.map((user) => user.emailaddress).sort()).toEqual([...emails].sort());
		expect(clients).toHaveLength(distinctCompanies(people));
		expect(duplicatesOf(clientNames(sandbox()))).toEqual([]);
		expect(duplicatesOf(clients.map((client) => normalizeDomain(client.website)))).toEqual([]);
		const userByEmail = new Map(users.map((user) => [user.emailaddress, user]));
		expect(first.map((result) => ({ user: result.user?.id, client: result.client?.id }))).toEqual(
			emails.map((email) => ({ user: userByEmail.get(email ?? '')?.id, client: userByEmail.get(email ?? '')?.client_id })),
		);

		// The faults happened, so the outcome above was earned.
		const faults = faultsIn(log1);
		expect(faults.error5xx).toBeGreaterThan(0);
		expect(faults.dropped).toBeGreaterThan(0);
		expect(faults.rateLimited).toBeGreaterThan(0);
		expect(faults.unauthorized).toBeGreaterThan(0);
		expect(run1.tokens).toBeGreaterThanOrEqual(2);
		const lostAnswersOn = (entity: string) => faultsIn(log1.filter((entry) => entry.path === `/api/${entity}`)).lostAnswers;
		expect(lostAnswersOn('Client')).toBeGreaterThan(0);
		expect(lostAnswersOn('Users')).toBeGreaterThan(0);

		const second = await syncToHaloPsa(haloContext(sandbox()), inputs, SETTINGS);
		const log2 = sandbox().requests({ provider: 'haloPsa', since: run1.last });
		const faults2 = faultsIn(log2);
		expect(faults2.error5xx + faults2.dropped + faults2.rateLimited).toBeGreaterThan(0);
		expect(log2.filter((entry) => entry.method !== 'GET' && entry.path.startsWith('/api'))).toEqual([]);
		expect(second.every((result) => result.client?.action === 'matched' && result.user?.action === 'matched')).toBe(true);
		expect(second.map((result) => result.user?.id)).toEqual(first.map((result) => result.user?.id));
		expect(state().users).toHaveLength(2000);
		expect(state().clients).toHaveLength(clients.length);
	});
});
