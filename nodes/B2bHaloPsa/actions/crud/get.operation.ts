import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem } from '../../../../lib/node-kit';
import { getOne } from '../../../../lib/destinations/haloPsa';
import { callOptions, recordId, resourceOf } from './common';
import { outputRecords } from './output';

/** The same for every entity resource: crud/fields.ts declares each resource's fields from the resource table. */
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const resource = resourceOf(this);
	return await eachItem(this, items, async (itemIndex) => {
		const id = recordId(this, resource, itemIndex);
		const record = await getOne(
			this,
			resource.entity,
			id,
			this.getNodeParameter('includeDetails', itemIndex, true) ? { includedetails: true } : {},
			callOptions(this, itemIndex),
		);
		if (record === undefined)
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: HaloPSA has no ${resource.label.toLowerCase()} with ID ${id}`, {
				itemIndex,
			});
		return outputRecords(this, resource, [record], itemIndex)[0];
	});
}
