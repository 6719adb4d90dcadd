import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem } from '../../../../lib/node-kit';
import { deleteOne } from '../../../../lib/destinations/haloPsa';
import { callOptions, recordId, resourceOf } from './common';

/** The same for every entity resource: crud/fields.ts declares each resource's fields from the resource table. */
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const resource = resourceOf(this);
	return await eachItem(this, items, async (itemIndex) => {
		const id = recordId(this, resource, itemIndex);
		await deleteOne(this, resource.entity, id, callOptions(this, itemIndex));
		return { deleted: true, id };
	});
}
