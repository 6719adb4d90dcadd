import type { IDataObject } from 'n8n-workflow';

import { normalizeEmail, normalizeName } from '../../../normalize';
import type { HaloEntity, HaloRecord } from '../entities';
import type { CallOptions } from '../../../transport';
import type { TransportContext } from '../../../transport';
import { recordsOfClients } from './existing';
import { changesFor, UPDATABLE_USER_FIELDS, userFields } from './mapping';
import type { SyncInput, SyncSettings } from './types';
import { upsertByKey } from './upsert';
import type { Upserted } from './upsert';

/** Per item, what the stage needs from the earlier ones: the client and site it belongs to. */
export interface Placement {
	clientId?: number;
	siteId?: number;
	/** Whether the client existed before this run (only then can its users or opportunities). */
	clientPreExisted: boolean;
}

type PerItem = Array<{ key: string } | { skipped: string } | undefined>;

function existingByKey(records: HaloRecord[], keyOf: (record: HaloRecord) => string | undefined): Map<string, HaloRecord> {
	const map = new Map<string, HaloRecord>();
	for (const record of records) {
		const key = keyOf(record);
		if (key && !map.has(key)) map.set(key, record);
	}
	return map;
}

async function lookupByKey(
	ctx: TransportContext,
	entity: HaloEntity,
	keys: string[],
	keyOf: (record: HaloRecord) => string | undefined,
	filters: IDataObject,
	call?: CallOptions,
) {
	const clientIds = new Set(keys.map((key) => Number(key.split('|')[0])));
	return existingByKey(await recordsOfClients(ctx, entity, clientIds, filters, call), keyOf);
}

const userKeyOf = (record: HaloRecord) => {
	const email = normalizeEmail(record.emailaddress);
	return email ? `${record.client_id}|${email}` : undefined;
};

/**
 * Contacts by email (case-insensitive) within their client: created when missing, updated under
 * the field policy when found. Repeats of one email in the input make one contact.
 */
export async function syncUsers(
	ctx: TransportContext,
	inputs: SyncInput[],
	placements: Placement[],
	settings: SyncSettings,
	call?: CallOptions,
): Promise<{ perItem: PerItem; users: Map<string, Upserted> }> {
	const wanted = new Map<string, HaloRecord>();
	const preExistingClients = new Set<number>();
	const perItem: PerItem = inputs.map((input, itemIndex) => {
		const { clientId, siteId, clientPreExisted } = placements[itemIndex];
		if (input.person === undefined) return undefined;
		const email = normalizeEmail(input.person.email);
		if (email === undefined) return { skipped: 'no email: contacts are matched by email, so one without could be created twice' };
		if (clientId === undefined) return { skipped: 'no client to add the contact to' };
		const key = `${clientId}|${email}`;
		if (clientPreExisted) preExistingClients.add(clientId);
		if (!wanted.has(key)) {
			wanted.set(key, {
				...userFields(input.person),
				client_id: clientId,
				...(siteId !== undefined ? { site_id: siteId } : {}),
				...(input.customFields?.user ? { customfields: input.customFields.user } : {}),
			});
		}
		return { key };
	});
	const existing = existingByKey(await recordsOfClients(ctx, 'Users', preExistingClients, {}, call), userKeyOf);
	const users = await upsertByKey(ctx, {
		entity: 'Users',
		wanted,
		existing,
		changes: (current, desired) =>
			changesFor(
				current,
				desired,
				UPDATABLE_USER_FIELDS.filter((field) => settings.updatableFields.includes(field)),
				settings.fieldPolicy,
			),
		keyOf: userKeyOf,
		inactiveRecords: settings.inactiveRecords,
		lookup: async (keys) => await lookupByKey(ctx, 'Users', keys, userKeyOf, {}, call),
		batchSize: settings.batchSize,
		dryRun: settings.dryRun,
		call,
	});
	return { perItem, users };
}

const OPEN_ONLY: IDataObject = { open_only: true };

/**
 * An opportunity (or lead ticket) per item, unless an open one for the same contact with the same
 * summary exists, inactive ones included: re-running a sync does not open a second one, while a new
 * one follows a closed one.
 */
export async function syncOpportunities(
	ctx: TransportContext,
	inputs: SyncInput[],
	placements: Array<Placement & { userId?: number; userPreExisted: boolean }>,
	settings: SyncSettings,
	call?: CallOptions,
): Promise<{ perItem: PerItem; opportunities: Map<string, Upserted> }> {
	const entity = inputs.find((input) => input.opportunity)?.opportunity?.entity ?? 'Opportunities';
	const keyOf = (record: HaloRecord) => {
		const summary = normalizeName(record.summary);
		return summary && record.user_id !== undefined ? `${record.client_id}|${record.user_id}|${summary}` : undefined;
	};
	const wanted = new Map<string, HaloRecord>();
	const clientsToSearch = new Set<number>();
	const perItem: PerItem = inputs.map((input, itemIndex) => {
		const settingsOfItem = input.opportunity;
		if (settingsOfItem === undefined) return undefined;
		const { clientId, siteId, userId, userPreExisted } = placements[itemIndex];
		if (clientId === undefined || userId === undefined) return { skipped: 'no contact to open it for' };
		const summary = normalizeName(settingsOfItem.summary);
		if (summary === undefined) return { skipped: 'no summary' };
		const key = `${clientId}|${userId}|${summary}`;
		if (userPreExisted) clientsToSearch.add(clientId);
		if (!wanted.has(key)) {
			wanted.set(key, {
				summary: settingsOfItem.summary,
				details: settingsOfItem.details,
				tickettype_id: settingsOfItem.ticketTypeId,
				agent_id: settingsOfItem.agentId,
				client_id: clientId,
				site_id: siteId,
				user_id: userId,
			});
		}
		return { key };
	});
	const existing = existingByKey(await recordsOfClients(ctx, entity, clientsToSearch, OPEN_ONLY, call), keyOf);
	const opportunities = await upsertByKey(ctx, {
		entity,
		wanted,
		existing,
		changes: () => undefined,
		keyOf,
		// An opportunity is only ever opened: one that exists is reported, never reopened or changed.
		inactiveRecords: 'leave',
		matchedReason: 'an open one for this contact with this summary exists',
		lookup: async (keys) => await lookupByKey(ctx, entity, keys, keyOf, OPEN_ONLY, call),
		batchSize: settings.batchSize,
		dryRun: settings.dryRun,
		call,
	});
	return { perItem, opportunities };
}
