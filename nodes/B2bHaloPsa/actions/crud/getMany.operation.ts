import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem } from '../../../../lib/node-kit';
import { listAll } from '../../../../lib/destinations/haloPsa';
import { callOptions, resourceOf, setFields } from './common';

/** The same for every entity resource: crud/fields.ts declares each resource's fields from the resource table. */
export const description: INodeProperties[] = [];

/** HaloPSA's own paging (`pageinate`, `page_size`, `page_no`), followed to the last page or the limit. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const resource = resourceOf(this);
	return await eachItem(this, items, async (itemIndex) => {
		const limit = this.getNodeParameter('returnAll', itemIndex) ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = setFields(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		return (await listAll(this, resource.entity, filters, limit, callOptions(this, itemIndex))) as IDataObject[];
	});
}
