import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { addTags } from '../../../../lib/destinations/goHighLevel';
import type { GhlRun } from '../run';
import { executeTags, tagsDescription } from './tags';

export const description = tagsDescription('addTags', 'add');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], run: GhlRun): Promise<INodeExecutionData[]> {
	return await executeTags(this, items, run, addTags);
}
