import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { estimatePeople, readHistory } from '../../../../lib/enrichment';
import { readNodeMemory } from '../../../../lib/node-kit';
import { HISTORY_FIELD, MEMORY_FIELD, readPersonRun } from './enrich.operation';

/** Estimate Cost shows Enrich's fields, which enrich.operation.ts declares for both. */
export const description: INodeProperties[] = [];

/**
 * What Enrich would spend on these items with these settings, without a single call: one item per
 * provider and one for the total, each paired with every input item. It reads this node's memory
 * and past runs' hit rates, so it is run in the Enrich node itself, switched to Estimate Cost and
 * back; it writes neither.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const { inputs, config, skipKnownDays } = readPersonRun(this, items, false);
	const memory = skipKnownDays > 0 ? { ...readNodeMemory(this, MEMORY_FIELD), days: skipKnownDays } : undefined;
	const history = readHistory(this.getWorkflowStaticData('node')[HISTORY_FIELD]);
	const pairedItem = items.map((_, item) => ({ item }));
	return estimatePeople(inputs, { ...config, memory }, history).map((estimate) => ({
		json: estimate as unknown as IDataObject,
		pairedItem,
	}));
}
