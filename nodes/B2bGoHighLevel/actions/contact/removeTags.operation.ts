import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { removeTags } from '../../../../lib/destinations/goHighLevel';
import { GhlRun } from '../run';
import { executeTags, tagsDescription } from './tags';

export const description = tagsDescription('removeTags', 'remove');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await executeTags(this, items, run, removeTags);
}
