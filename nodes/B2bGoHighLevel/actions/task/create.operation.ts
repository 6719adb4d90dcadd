import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, optionsCollection, writeEachItem } from '../../../../lib/node-kit';
import { createTask } from '../../../../lib/destinations/goHighLevel';
import { contactLocator } from '../fields';
import { contactIdOf, isoTimeOf } from '../read';
import { GhlRun } from '../run';
import { DUE_DATE_FIELD, TASK_DETAIL_FIELDS, TITLE_FIELD, taskFields } from './fields';

const show = { resource: ['task'], operation: ['create'] };

export const description: INodeProperties[] = [
	contactLocator(show),
	{ ...TITLE_FIELD, required: true, displayOptions: { show } },
	{ ...DUE_DATE_FIELD, required: true, displayOptions: { show } },
	additionalFieldsCollection(show, TASK_DETAIL_FIELDS),
	optionsCollection(show),
];

/**
 * `CreateTaskParams` needs a title, a due date and `completed` (sent false unless set). Every item
 * is checked before the first task is made, so a fixed re-run does not make the good ones twice.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await writeEachItem(
		this,
		items,
		(itemIndex) => {
			const contactId = contactIdOf(this, itemIndex);
			const task = taskFields(
				this,
				itemIndex,
				{
					...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
					title: this.getNodeParameter('title', itemIndex, ''),
				},
				[{ field: 'title', why: 'HighLevel names every task' }],
			);
			const dueDate = isoTimeOf(this, itemIndex, 'dueDate', 'due date', this.getNodeParameter('dueDate', itemIndex, ''));
			return { contactId, task: { ...task, title: task.title as string, dueDate, completed: task.completed ?? false } };
		},
		async ({ contactId, task }, itemIndex) => await createTask(this, run.connection, contactId, task, run.call(itemIndex)),
	);
}
