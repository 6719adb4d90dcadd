import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, writeEachItem } from '../../../../lib/node-kit';
import { addContactToWorkflow } from '../../../../lib/destinations/goHighLevel';
import { contactLocator } from '../fields';
import { contactIdOf, isoTimeOf, requiredText } from '../read';
import { GhlRun } from '../run';
import { WORKFLOW_FIELD } from './fields';

const show = { resource: ['workflow'], operation: ['addContact'] };

export const description: INodeProperties[] = [
	{ ...WORKFLOW_FIELD, displayOptions: { show } },
	contactLocator(show),
	optionsCollection(show, [
		{
			displayName: 'Event Start Time',
			name: 'eventStartTime',
			type: 'dateTime',
			default: '',
			description:
				"The time the workflow's event-based steps (wait until, reminders) count from. A time without an offset is in the workflow's timezone.",
		},
	]),
];

/**
 * Every item is checked before the first contact is added. A lost answer is not sent again:
 * whether HighLevel would enroll the contact twice depends on the workflow's re-entry setting.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await writeEachItem(
		this,
		items,
		(itemIndex) => {
			const { eventStartTime } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			return {
				workflowId: requiredText(this, itemIndex, 'workflowId', 'workflow'),
				contactId: contactIdOf(this, itemIndex),
				eventStartTime:
					eventStartTime === undefined || eventStartTime === ''
						? undefined
						: isoTimeOf(this, itemIndex, 'eventStartTime', 'event start time', eventStartTime),
			};
		},
		async ({ workflowId, contactId, eventStartTime }, itemIndex) => {
			await addContactToWorkflow(this, run.connection, contactId, workflowId, eventStartTime, run.call(itemIndex));
			return { added: true, contactId, workflowId };
		},
	);
}
