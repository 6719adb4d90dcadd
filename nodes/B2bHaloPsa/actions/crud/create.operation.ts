import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { HaloRecord } from '../../../../lib/providers/haloPsa';
import { writeAll } from '../../../../lib/sync/writer';
import { CustomFieldResolver } from '../custom-fields';
import { callOptions, resourceOf, setFields, writeResultsToItems } from './common';

/** HaloPSA creates many records in one request: the items are sent in batches of this many. */
const BATCH_SIZE = 50;

/**
 * One record per item, sent in batches. A record HaloPSA refuses fails its item with HaloPSA's
 * message and the rest of its batch is still created; a batch whose answer is lost is not re-sent
 * (its items fail, saying so), since a create has nothing to look it up by.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const resource = resourceOf(this);
	const customFields = new CustomFieldResolver(this);
	const writes = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const required = Object.fromEntries(resource.required.map((field) => [field.name, this.getNodeParameter(field.name, itemIndex)]));
		const record: HaloRecord = setFields({ ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject), ...required });
		const custom = await customFields.resolve('customFields', itemIndex);
		if (custom) record.customfields = custom;
		writes.push({ key: String(itemIndex), record });
	}
	const results = await writeAll(this, resource.entity, writes, { batchSize: BATCH_SIZE, keyOf: () => undefined, call: callOptions(this, 0) });
	return writeResultsToItems(this, items, results, 'created');
}
