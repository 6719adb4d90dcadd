import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeAll } from '../../../../lib/destinations/haloPsa/sync/writer';
import { CustomFieldResolver } from '../custom-fields';
import { oneOf } from '../resources';
import { callOptions, collectionValues, parameterValue, plannedRecord, planRecords, resourceOf, writeResultsToItems } from './common';

/** The same for every entity resource: crud/fields.ts declares each resource's fields from the resource table. */
export const description: INodeProperties[] = [];

/** HaloPSA creates many records in one request: the items are sent in batches of this many. */
const BATCH_SIZE = 50;

/**
 * One record per item, checked first, then sent in batches. A record HaloPSA refuses fails its
 * item with HaloPSA's message and the rest of its batch is still created; a batch whose answer is
 * lost is not re-sent (its items fail, saying so), since a create has nothing to look it up by.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const resource = resourceOf(this);
	const customFields = new CustomFieldResolver(this);
	const { writes, problems } = await planRecords(
		this,
		items,
		async (itemIndex) =>
			await plannedRecord(this, customFields, itemIndex, {
				...collectionValues(this, 'additionalFields', itemIndex),
				...Object.fromEntries(resource.required.map((field) => [field.name, parameterValue(this, field.name, itemIndex)])),
			}),
		resource.required.map((field) => ({ field: field.name, why: `HaloPSA refuses ${oneOf(resource)} without it` })),
	);
	// A batch is many items' request: its errors must not name the first item, each item's result names its own.
	const { maxAttempts } = callOptions(this, 0);
	const results = await writeAll(this, resource.entity, writes, { batchSize: BATCH_SIZE, keyOf: () => undefined, call: { maxAttempts } });
	return writeResultsToItems(this, items, results, 'created', problems);
}
