import { normalizeName } from '../../../normalize';
import { getOne, listAll } from '../api';
import type { HaloRecord } from '../entities';
import type { CallOptions } from '../../../transport';
import type { TransportContext } from '../../../transport';
import { changesFor, clientFields, clientKeys, companyDomainOf, companyNameOf, UPDATABLE_CLIENT_FIELDS } from './mapping';
import type { SyncInput, SyncSettings } from './types';
import { upsertByKey } from './upsert';
import type { Upserted } from './upsert';

interface ClientIndex {
	byDomain: Map<string, HaloRecord>;
	byName: Map<string, HaloRecord>;
}

function indexClients(clients: HaloRecord[]): ClientIndex {
	const index: ClientIndex = { byDomain: new Map(), byName: new Map() };
	for (const client of clients) {
		const { domain, name } = clientKeys(client);
		if (domain && !index.byDomain.has(domain)) index.byDomain.set(domain, client);
		if (name && !index.byName.has(name)) index.byName.set(name, client);
	}
	return index;
}

/** One pass over every client, inactive ones included: a deactivated client is still the company. */
async function loadIndex(ctx: TransportContext, call?: CallOptions): Promise<ClientIndex> {
	return indexClients(await listAll(ctx, 'Client', { includeinactive: true }, Infinity, call));
}

/** The key a client is planned and found under: its domain when known, else its name. */
function keyOf(domain: string | undefined, name: string | undefined): string | undefined {
	if (domain) return `domain:${domain}`;
	return name ? `name:${name}` : undefined;
}

function findIn(index: ClientIndex, key: string): HaloRecord | undefined {
	const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
	return kind === 'domain' ? index.byDomain.get(value) : index.byName.get(value);
}

export interface ClientResolution {
	/** Per item: the client key, or why the item has none. */
	perItem: Array<{ key: string } | { skipped: string }>;
	clients: Map<string, Upserted>;
	/** Keys of clients that existed before this run (their users and opportunities may exist too). */
	preExisting: Set<string>;
}

/**
 * Finds each item's client by domain (the company's website or the contact's work email), then by
 * normalized name, and creates the missing ones, or uses the catch-all client, or skips the item,
 * as configured. Items naming the same company share one client even when only some of them
 * know its domain.
 */
export async function resolveClients(ctx: TransportContext, inputs: SyncInput[], settings: SyncSettings, call?: CallOptions): Promise<ClientResolution> {
	const index = await loadIndex(ctx, call);
	const wanted = new Map<string, HaloRecord>();
	const existing = new Map<string, HaloRecord>();
	const plannedByName = new Map<string, string>();
	const facts = inputs.map((input) => ({ domain: companyDomainOf(input.person, input.company), name: normalizeName(companyNameOf(input.person, input.company)), input }));

	const perItem: ClientResolution['perItem'] = new Array(inputs.length);
	// Items with a domain first, so that a name-only item finds the client its domain-bearing twin plans.
	const order = facts.map((_, itemIndex) => itemIndex).sort((a, b) => Number(facts[b].domain !== undefined) - Number(facts[a].domain !== undefined));
	for (const itemIndex of order) {
		const { domain, name, input } = facts[itemIndex];
		const found = (domain ? index.byDomain.get(domain) : undefined) ?? (name ? index.byName.get(name) : undefined);
		if (found) {
			const key = `id:${found.id}`;
			existing.set(key, found);
			wanted.set(key, clientFields(input.person, input.company));
			perItem[itemIndex] = { key };
			continue;
		}
		const planned = keyOf(domain, name);
		const sharedKey = (planned && wanted.has(planned) ? planned : undefined) ?? (name ? plannedByName.get(name) : undefined);
		if (sharedKey) {
			perItem[itemIndex] = { key: sharedKey };
			continue;
		}
		if (planned === undefined) {
			perItem[itemIndex] = { skipped: 'no company: give the company domain or name, or a work email' };
			continue;
		}
		if (settings.whenNoClient === 'skip') {
			perItem[itemIndex] = { skipped: 'no matching client in HaloPSA (the sync is set to skip such items)' };
			continue;
		}
		if (settings.whenNoClient === 'catchAll') {
			perItem[itemIndex] = { key: 'catchAll' };
			continue;
		}
		wanted.set(planned, { ...clientFields(input.person, input.company), ...(input.customFields?.client ? { customfields: input.customFields.client } : {}) });
		if (name) plannedByName.set(name, planned);
		perItem[itemIndex] = { key: planned };
	}

	const clients = await upsertByKey(ctx, {
		entity: 'Client',
		wanted,
		existing,
		changes: (current, desired) => changesFor(current, desired, UPDATABLE_CLIENT_FIELDS.filter((field) => settings.updatableFields.includes(field)), settings.fieldPolicy),
		keyOf: (saved) => {
			const { domain, name } = clientKeys(saved);
			return existing.has(`id:${saved.id}`) ? `id:${saved.id}` : keyOf(domain, name);
		},
		lookup: async (keys) => {
			const fresh = await loadIndex(ctx, call);
			return new Map(keys.flatMap((key) => {
				const record = findIn(fresh, key);
				return record ? [[key, record] as const] : [];
			}));
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
				: { outcome: { action: 'failed', reason: `the catch-all client ${settings.catchAllClientId ?? '(not set)'} does not exist in HaloPSA` } },
		);
	}
	for (const [key, result] of clients) if (existing.has(key) && result.outcome.action === 'matched') result.outcome.reason = 'matched by domain or name';
	return { perItem, clients, preExisting: new Set([...existing.keys(), 'catchAll']) };
}
