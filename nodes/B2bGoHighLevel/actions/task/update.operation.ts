import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection, problemError } from '../../../../lib/node-kit';
import { updateTask } from '../../../../lib/destinations/goHighLevel';
import { contactLocator } from '../fields';
import { contactIdOf, requiredText } from '../read';
import { GhlRun } from '../run';
import { DUE_DATE_FIELD, TASK_DETAIL_FIELDS, TITLE_FIELD, taskFields, taskIdField } from './fields';

const show = { resource: ['task'], operation: ['update'] };

export const description: INodeProperties[] = [
	contactLocator(show),
	taskIdField(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [...TASK_DETAIL_FIELDS, DUE_DATE_FIELD, TITLE_FIELD].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	optionsCollection(show),
];

/** Sends only what HighLevel's `UpdateTaskBody` holds; fields not given keep their value. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const contactId = contactIdOf(this, itemIndex);
		const taskId = requiredText(this, itemIndex, 'taskId', 'task ID');
		const task = taskFields(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
		if (Object.keys(task).length === 0) {
			throw problemError(this, itemIndex, { field: 'updateFields', message: 'nothing to update: add a field under Update Fields' });
		}
		return await updateTask(this, run.connection, contactId, taskId, task, run.call(itemIndex));
	});
}
