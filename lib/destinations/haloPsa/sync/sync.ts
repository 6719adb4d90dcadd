import type { CallOptions } from '../../../transport';
import type { TransportContext } from '../../../transport';
import { resolveClients } from './clients';
import { syncOpportunities, syncUsers } from './contacts';
import type { Placement } from './contacts';
import { resolveSites } from './sites';
import type { EntityOutcome, ItemSyncResult, SyncInput, SyncSettings } from './types';

function keyOf(entry: { key: string } | { skipped: string } | undefined): string | undefined {
	return entry !== undefined && 'key' in entry ? entry.key : undefined;
}

function skipped(reason: string): EntityOutcome {
	return { action: 'skipped', reason };
}

/**
 * The id later stages use for a record: its own, or in a dry run a stand-in for one that would be
 * created, so the contacts and opportunities it would get are planned too. Stand-ins are negative
 * and never leave the sync.
 */
function idFor(outcome: EntityOutcome | undefined, key: string, standIns: Map<string, number>): number | undefined {
	if (outcome?.id !== undefined) return outcome.id;
	if (outcome?.action !== 'created') return undefined;
	if (!standIns.has(key)) standIns.set(key, -(standIns.size + 1));
	return standIns.get(key);
}

/**
 * Syncs items into HaloPSA: client, site, contact and optionally an opportunity per item, each
 * found before it is created, written in batches, with one outcome per entity per item. The
 * lookups come from a few list passes (every client once; users and opportunities only of
 * clients that existed before the run; inactive records included), never one search per item.
 */
export async function syncToHaloPsa(
	ctx: TransportContext,
	inputs: SyncInput[],
	settings: SyncSettings,
	call?: CallOptions,
): Promise<ItemSyncResult[]> {
	const { perItem, clients, preExisting } = await resolveClients(ctx, inputs, settings, call);
	const clientOf = perItem.map((entry) => ('key' in entry ? clients.get(entry.key) : undefined));
	const sites = await resolveSites(ctx, inputs, clientOf, settings, call);

	const standIns = new Map<string, number>();
	const placements: Placement[] = inputs.map((_, itemIndex) => {
		const entry = perItem[itemIndex];
		return {
			clientId: 'key' in entry ? idFor(clientOf[itemIndex]?.outcome, `client|${entry.key}`, standIns) : undefined,
			siteId: sites[itemIndex]?.id,
			clientPreExisted: 'key' in entry && preExisting.has(entry.key),
		};
	});
	const { perItem: userKeys, users } = await syncUsers(ctx, inputs, placements, settings, call);
	const userOf = userKeys.map((entry) => users.get(keyOf(entry) ?? ''));

	const withUsers = placements.map((placement, itemIndex) => ({
		...placement,
		userId: idFor(userOf[itemIndex]?.outcome, `user|${keyOf(userKeys[itemIndex]) ?? itemIndex}`, standIns),
		userPreExisted: userOf[itemIndex]?.outcome.action === 'matched' || userOf[itemIndex]?.outcome.action === 'updated',
	}));
	const { perItem: opportunityKeys, opportunities } = await syncOpportunities(ctx, inputs, withUsers, settings, call);

	return inputs.map((_, itemIndex): ItemSyncResult => {
		const client = perItem[itemIndex];
		const user = userKeys[itemIndex];
		const opportunity = opportunityKeys[itemIndex];
		return {
			client: 'skipped' in client ? skipped(client.skipped) : clientOf[itemIndex]?.outcome,
			site: sites[itemIndex] ?? ('skipped' in client ? skipped('no client') : undefined),
			user: user === undefined ? undefined : 'skipped' in user ? skipped(user.skipped) : userOf[itemIndex]?.outcome,
			opportunity:
				opportunity === undefined
					? undefined
					: 'skipped' in opportunity
						? skipped(opportunity.skipped)
						: opportunities.get(opportunity.key)?.outcome,
		};
	});
}
