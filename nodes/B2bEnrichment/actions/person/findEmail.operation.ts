import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { personWaterfall } from './enrich.operation';

/** Find Email shows Enrich's fields (providers, options), which enrich.operation.ts declares for both. */
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await personWaterfall.call(this, items, true);
}
