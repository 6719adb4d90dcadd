import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldRule } from '../../../../lib/normalize';
import type { GhlTaskFields } from '../../../../lib/destinations/goHighLevel';
import { checkedFields, isoTimeOf } from '../read';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

export const TITLE_FIELD: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '' };
export const DUE_DATE_FIELD: INodeProperties = {
	displayName: 'Due Date',
	name: 'dueDate',
	type: 'dateTime',
	default: '',
	description: "A time without an offset is in the workflow's timezone",
};

/** The task properties besides title and due date, in `CreateTaskParams` and `UpdateTaskBody` alike. */
export const TASK_DETAIL_FIELDS: INodeProperties[] = [
	{
		displayName: 'Assigned To',
		name: 'assignedTo',
		type: 'string',
		default: '',
		description: 'The ID of the HighLevel user the task is for',
	},
	{ displayName: 'Completed', name: 'completed', type: 'boolean', default: false, description: 'Whether the task is done already' },
	{ displayName: 'Description', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '' },
];

export function taskIdField(show: Show): INodeProperties {
	return { displayName: 'Task ID', name: 'taskId', type: 'string', required: true, displayOptions: { show }, default: '' };
}

const TASK_RULES: Record<string, FieldRule> = { title: 'line', body: 'text', assignedTo: 'line', completed: 'flag' };

/** Task fields in HighLevel's shapes, checked; a due date given is made ISO 8601. */
export function taskFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	required: Array<{ field: string; why: string }> = [],
) {
	const { dueDate, ...rest } = fields;
	const task = checkedFields(ctx, itemIndex, rest, TASK_RULES, required) as GhlTaskFields;
	if (dueDate !== undefined && dueDate !== '') task.dueDate = isoTimeOf(ctx, itemIndex, 'dueDate', 'due date', dueDate);
	return task;
}
