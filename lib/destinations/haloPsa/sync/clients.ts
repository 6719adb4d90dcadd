import { getOne, listAll } from '../api';
import type { CallOptions, TransportContext } from '../../../transport';
import { clientKeyOf, findClient, indexClients, matchClients } from './client-match';
import type { ClientIndex, ClientMatch } from './client-match';
import { WITH_INACTIVE } from './existing';
import { changesFor, clientKeys, UPDATABLE_CLIENT_FIELDS } from './mapping';
import type { SyncInput, SyncSettings } from './types';
import { upsertByKey } from './upsert';
import type { Upserted } from './upsert';

/** One pass over every client, inactive ones included: a deactivated client is still the company. */
async function loadIndex(ctx: TransportContext, call?: CallOptions): Promise<ClientIndex> {
	return indexClients(await listAll(ctx, 'Client', WITH_INACTIVE, Infinity, call));
}

export interface ClientResolution {
	perItem: ClientMatch['perItem'];
	clients: Map<string, Upserted>;
	/** Keys of clients that existed before this run (their users and opportunities may exist too). */
	preExisting: Set<string>;
}

/** Matches each item's client (see matchClients), then creates or updates the clients in batches. */
export async function resolveClients(
	ctx: TransportContext,
	inputs: SyncInput[],
	settings: SyncSettings,
	call?: CallOptions,
): Promise<ClientResolution> {
	const index = await loadIndex(ctx, call);
	const { perItem, wanted, existing } = matchClients(index, inputs, settings.whenNoClient);

	const clients = await upsertByKey(ctx, {
		entity: 'Client',
		wanted,
		existing,
		changes: (current, desired) =>
			changesFor(
				current,
				desired,
				UPDATABLE_CLIENT_FIELDS.filter((field) => settings.updatableFields.includes(field)),
				settings.fieldPolicy,
			),
		inactiveRecords: settings.inactiveRecords,
		matchedReason: 'matched by domain or name',
		keyOf: (saved) => {
			const { domain, name } = clientKeys(saved);
			return existing.has(`id:${saved.id}`) ? `id:${saved.id}` : clientKeyOf(domain, name);
		},
		lookup: async (keys) => {
			const fresh = await loadIndex(ctx, call);
			return new Map(
				keys.flatMap((key) => {
					const record = findClient(fresh, key);
					return record ? [[key, record] as const] : [];
				}),
			);
		},
		batchSize: settings.batchSize,
		dryRun: settings.dryRun,
		call,
	});
	if (perItem.some((entry) => 'key' in entry && entry.key === 'catchAll')) {
		const catchAll = settings.catchAllClientId === undefined ? undefined : await getOne(ctx, 'Client', settings.catchAllClientId, {}, call);
		clients.set(
			'catchAll',
			catchAll
				? { outcome: { action: 'matched', id: catchAll.id, reason: 'no matching client: the catch-all client' }, record: catchAll }
				: {
						outcome: {
							action: 'failed',
							reason: `the catch-all client ${settings.catchAllClientId ?? '(not set)'} does not exist in HaloPSA`,
						},
					},
		);
	}
	return { perItem, clients, preExisting: new Set([...existing.keys(), 'catchAll']) };
}
