import { normalizeName } from '../../../normalize';
import type { HaloRecord } from '../entities';
import type { CallOptions } from '../../../transport';
import type { TransportContext } from '../../../transport';
import { recordsOfClients } from './existing';
import type { EntityOutcome, SyncInput, SyncSettings } from './types';
import { upsertByKey } from './upsert';

const siteKeyOf = (record: HaloRecord) => {
	const name = normalizeName(record.name);
	return name ? `${record.client_id}|${name}` : undefined;
};

function byKey(records: HaloRecord[]): Map<string, HaloRecord> {
	return new Map(records.flatMap((record) => (siteKeyOf(record) ? [[siteKeyOf(record) as string, record] as const] : [])));
}

/**
 * Each item's site: the client's main site, or the site named for the item (matched by name within
 * the client, created when missing). HaloPSA gives every new client a main site.
 */
export async function resolveSites(
	ctx: TransportContext,
	inputs: SyncInput[],
	clients: Array<{ record?: HaloRecord; outcome: EntityOutcome } | undefined>,
	settings: SyncSettings,
	call?: CallOptions,
): Promise<Array<EntityOutcome | undefined>> {
	const wanted = new Map<string, HaloRecord>();
	const named = inputs.map((input, itemIndex) => {
		const client = clients[itemIndex]?.record;
		const name = normalizeName(input.siteName);
		if (client?.id === undefined || name === undefined) return undefined;
		const key = `${client.id}|${name}`;
		if (!wanted.has(key)) wanted.set(key, { name: input.siteName, client_id: client.id });
		return key;
	});
	const clientIds = new Set([...wanted.values()].map((site) => Number(site.client_id)));
	const results = await upsertByKey(ctx, {
		entity: 'Site',
		wanted,
		existing: byKey(await recordsOfClients(ctx, 'Site', clientIds, {}, call)),
		changes: () => undefined,
		keyOf: siteKeyOf,
		inactiveRecords: settings.inactiveRecords,
		lookup: async (keys) => byKey(await recordsOfClients(ctx, 'Site', new Set(keys.map((key) => Number(key.split('|')[0]))), {}, call)),
		batchSize: settings.batchSize,
		dryRun: settings.dryRun,
		call,
	});
	return inputs.map((_, itemIndex) => {
		const key = named[itemIndex];
		if (key !== undefined) return results.get(key)?.outcome;
		const client = clients[itemIndex];
		if (client === undefined) return undefined;
		const mainSite = client.record?.main_site_id;
		if (typeof mainSite === 'number') return { action: 'matched', id: mainSite, reason: "the client's main site" };
		return client.outcome.action === 'created' && settings.dryRun
			? { action: 'created', reason: "dry run: the new client's main site" }
			: { action: 'matched', reason: "the client's main site (HaloPSA's default)" };
	});
}
