import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { writeAll } from '../../../../lib/destinations/haloPsa/sync/writer';
import { CustomFieldResolver } from '../custom-fields';
import { callOptions, collectionValues, parameterValue, plannedRecord, planRecords, resourceOf, writeResultsToItems } from './common';

/** The same for every entity resource: crud/fields.ts declares each resource's fields from the resource table. */
export const description: INodeProperties[] = [];

const BATCH_SIZE = 50;

/**
 * Updates in batches, each item checked first. An update names its record, so sending it again
 * cannot duplicate anything: a lost answer is simply re-sent.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const resource = resourceOf(this);
	const customFields = new CustomFieldResolver(this);
	const { writes, problems } = await planRecords(
		this,
		items,
		async (itemIndex) =>
			await plannedRecord(this, customFields, itemIndex, {
				...collectionValues(this, 'updateFields', itemIndex),
				id: parameterValue(this, 'id', itemIndex),
			}),
		[{ field: 'id', why: 'without it HaloPSA would create a new record' }],
	);
	const { maxAttempts } = callOptions(this, 0);
	const results = await writeAll(this, resource.entity, writes, {
		batchSize: BATCH_SIZE,
		keyOf: () => undefined,
		lookup: async () => new Map(),
		call: { maxAttempts },
	});
	return writeResultsToItems(this, items, results, 'updated', problems);
}
