import { normalizeName } from '../../../normalize';
import type { HaloRecord } from '../entities';
import { clientFields, clientKeys, companyDomainOf, companyNameOf } from './mapping';
import type { SyncInput, SyncSettings } from './types';

/** Clients by normalized domain and by normalized name; the first client of each wins. */
export interface ClientIndex {
	byDomain: Map<string, HaloRecord>;
	byName: Map<string, HaloRecord>;
}

export function indexClients(clients: HaloRecord[]): ClientIndex {
	const index: ClientIndex = { byDomain: new Map(), byName: new Map() };
	for (const client of clients) {
		const { domain, name } = clientKeys(client);
		if (domain && !index.byDomain.has(domain)) index.byDomain.set(domain, client);
		if (name && !index.byName.has(name)) index.byName.set(name, client);
	}
	return index;
}

/** The key a client is planned and found under: its domain when known, else its name. */
export function clientKeyOf(domain: string | undefined, name: string | undefined): string | undefined {
	if (domain) return `domain:${domain}`;
	return name ? `name:${name}` : undefined;
}

export function findClient(index: ClientIndex, key: string): HaloRecord | undefined {
	const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
	return kind === 'domain' ? index.byDomain.get(value) : index.byName.get(value);
}

export interface ClientMatch {
	/** Per item: the client key (`id:N` for an existing client, `domain:`/`name:` for a planned one, `catchAll`), or why the item has none. */
	perItem: Array<{ key: string } | { skipped: string }>;
	/** The fields each client should have, by key. */
	wanted: Map<string, HaloRecord>;
	/** The clients that already exist, by `id:N` key. */
	existing: Map<string, HaloRecord>;
}

/**
 * Matches each item to a client by domain (the company's website or the contact's work email),
 * then by normalized name, and plans the missing ones, or the catch-all client, or a skip, as
 * configured. Items naming the same company share one client even when only some of them know
 * its domain. Reads and writes nothing.
 */
export function matchClients(index: ClientIndex, inputs: SyncInput[], whenNoClient: SyncSettings['whenNoClient']): ClientMatch {
	const wanted = new Map<string, HaloRecord>();
	const existing = new Map<string, HaloRecord>();
	const plannedByName = new Map<string, string>();
	const facts = inputs.map((input) => ({
		domain: companyDomainOf(input.person, input.company),
		name: normalizeName(companyNameOf(input.person, input.company)),
		input,
	}));

	const perItem: ClientMatch['perItem'] = new Array(inputs.length);
	// Items with a domain first, so that a name-only item finds the client its domain-bearing twin plans.
	const order = facts
		.map((_, itemIndex) => itemIndex)
		.sort((a, b) => Number(facts[b].domain !== undefined) - Number(facts[a].domain !== undefined));
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
		const planned = clientKeyOf(domain, name);
		const sharedKey = (planned && wanted.has(planned) ? planned : undefined) ?? (name ? plannedByName.get(name) : undefined);
		if (sharedKey) {
			perItem[itemIndex] = { key: sharedKey };
			continue;
		}
		if (planned === undefined) {
			perItem[itemIndex] = { skipped: 'no company: give the company domain or name, or a work email' };
			continue;
		}
		if (whenNoClient === 'skip') {
			perItem[itemIndex] = { skipped: 'no matching client in HaloPSA (the sync is set to skip such items)' };
			continue;
		}
		if (whenNoClient === 'catchAll') {
			perItem[itemIndex] = { key: 'catchAll' };
			continue;
		}
		wanted.set(planned, {
			...clientFields(input.person, input.company),
			...(input.customFields?.client ? { customfields: input.customFields.client } : {}),
		});
		if (name) plannedByName.set(name, planned);
		perItem[itemIndex] = { key: planned };
	}

	return { perItem, wanted, existing };
}
