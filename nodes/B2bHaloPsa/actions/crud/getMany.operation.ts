import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem } from '../../../../lib/node-kit';
import { listAll } from '../../../../lib/destinations/haloPsa';
import { CustomFieldResolver, customFieldMatcher } from '../custom-fields';
import type { ResourceDefinition } from '../resources';
import { callOptions, collectionValues, requiredId, resourceOf, setFields } from './common';
import { outputRecords } from './output';

/** The same for every entity resource: crud/fields.ts declares each resource's fields from the resource table. */
export const description: INodeProperties[] = [];

/** The filters a list cannot do without (an action's ticket): missing or not an ID, the item fails before HaloPSA lists everything. */
function listedBy(ctx: IExecuteFunctions, resource: ResourceDefinition, itemIndex: number): IDataObject {
	return Object.fromEntries(
		(resource.listBy ?? []).map((field) => [field.name, requiredId(ctx, field.name, field.displayName, itemIndex)]),
	);
}

/** HaloPSA's own paging (`pageinate`, `page_size`, `page_no`), followed to the last page or the limit. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const resource = resourceOf(this);
	const customFields = new CustomFieldResolver(this);
	return await eachItem(this, items, async (itemIndex) => {
		const limit = this.getNodeParameter('returnAll', itemIndex) ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
		const filters = { ...setFields(collectionValues(this, 'filters', itemIndex)), ...listedBy(this, resource, itemIndex) };
		const matcher = resource.customFieldFilters ? await customFieldMatcher(customFields, 'customFieldFilters', itemIndex) : undefined;
		const records = await listAll(this, resource.entity, filters, limit, callOptions(this, itemIndex), matcher?.matches);
		if (matcher?.noneListed())
			this.addExecutionHints({
				message:
					`No ${resource.label.toLowerCase()} in HaloPSA's list answer carried custom fields, so Custom Field Filters matched none: ` +
					'check that the fields are filled in HaloPSA',
				location: 'outputPane',
			});
		return outputRecords(this, resource, records, itemIndex);
	});
}
