import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listOutboundLists } from '../../../lib/destinations/thrio';

export async function getOutboundLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await listOutboundLists(this);
	return lists
		.filter((list) => typeof list.id === 'string')
		.map((list) => ({ name: typeof list.name === 'string' ? list.name : (list.id as string), value: list.id as string }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
