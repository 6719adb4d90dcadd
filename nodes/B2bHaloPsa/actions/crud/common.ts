import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, paired } from '../../../../lib/node-kit';

import type { CallOptions } from '../../../../lib/providers/contracts';
import type { WriteResult } from '../../../../lib/sync/writer';
import { RESOURCES } from '../resources';
import type { ResourceDefinition } from '../resources';

export function resourceOf(ctx: IExecuteFunctions): ResourceDefinition {
	return RESOURCES[ctx.getNodeParameter('resource', 0) as string];
}

export function callOptions(ctx: IExecuteFunctions, itemIndex: number): CallOptions {
	const { maxAttempts } = ctx.getNodeParameter('options', itemIndex, {}) as { maxAttempts?: number };
	return { itemIndex, maxAttempts };
}

/** Fields left at their empty defaults are not sent: HaloPSA would store the empty value. */
export function setFields(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}

/** Each item's saved record, or its failure (thrown, or under continue-on-fail passed through). */
export function writeResultsToItems(ctx: IExecuteFunctions, items: INodeExecutionData[], results: Map<string, WriteResult>, verb: string): INodeExecutionData[] {
	return items.map((item, itemIndex) => {
		const result = results.get(String(itemIndex));
		if (result && 'saved' in result) return paired(result.saved as IDataObject, itemIndex);
		const message = `Item ${itemIndex}: ${result?.error ?? `not ${verb}`}`;
		if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
		return errorItem(item, itemIndex, message);
	});
}
