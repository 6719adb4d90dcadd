import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listAll } from '../../../lib/destinations/haloPsa';
import type { HaloEntity } from '../../../lib/destinations/haloPsa';

/** Dropdowns load at most this many records: a longer list is better chosen by expression. */
const MAX_OPTIONS = 1000;

async function options(
	ctx: ILoadOptionsFunctions,
	entity: HaloEntity,
	label: (record: Record<string, unknown>) => string,
): Promise<INodePropertyOptions[]> {
	const records = await listAll(ctx, entity, {}, MAX_OPTIONS);
	return records
		.filter((record) => record.id !== undefined)
		.map((record) => ({ name: label(record), value: record.id as number }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getClients(this: ILoadOptionsFunctions) {
	return await options(this, 'Client', (record) => String(record.name));
}

export async function getAgents(this: ILoadOptionsFunctions) {
	return await options(this, 'Agent', (record) => String(record.name));
}

export async function getTicketTypes(this: ILoadOptionsFunctions) {
	return await options(this, 'TicketType', (record) => String(record.name));
}

export async function getCustomFields(this: ILoadOptionsFunctions) {
	return await options(this, 'FieldInfo', (record) => String(record.label ?? record.name));
}
