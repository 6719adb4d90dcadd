import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import { setTaskCompleted } from '../../../../lib/destinations/goHighLevel';
import { contactLocator } from '../fields';
import { checkedFields, contactIdOf, requiredText } from '../read';
import { GhlRun } from '../run';
import { taskIdField } from './fields';

const show = { resource: ['task'], operation: ['complete'] };

export const description: INodeProperties[] = [
	contactLocator(show),
	taskIdField(show),
	{
		displayName: 'Completed',
		name: 'completed',
		type: 'boolean',
		displayOptions: { show },
		default: true,
		description: 'Whether to mark the task done; turn off to reopen it',
	},
	optionsCollection(show),
];

/** HighLevel's own route for it, `PUT .../tasks/{taskId}/completed`; marking a done task done again changes nothing. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const contactId = contactIdOf(this, itemIndex);
		const taskId = requiredText(this, itemIndex, 'taskId', 'task ID');
		const { completed } = checkedFields(
			this,
			itemIndex,
			{ completed: this.getNodeParameter('completed', itemIndex, true) },
			{ completed: 'flag' },
		);
		return await setTaskCompleted(this, run.connection, contactId, taskId, completed !== false, run.call(itemIndex));
	});
}
