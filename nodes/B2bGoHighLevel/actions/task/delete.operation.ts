import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import { deleteTask } from '../../../../lib/destinations/goHighLevel';
import { contactLocator } from '../fields';
import { contactIdOf, requiredText } from '../read';
import { GhlRun } from '../run';
import { taskIdField } from './fields';

const show = { resource: ['task'], operation: ['delete'] };

export const description: INodeProperties[] = [contactLocator(show), taskIdField(show), optionsCollection(show)];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const contactId = contactIdOf(this, itemIndex);
		const id = requiredText(this, itemIndex, 'taskId', 'task ID');
		await deleteTask(this, run.connection, contactId, id, run.call(itemIndex));
		return { deleted: true, id, contactId };
	});
}
