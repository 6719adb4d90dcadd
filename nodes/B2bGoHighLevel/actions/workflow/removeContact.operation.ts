import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import { removeContactFromWorkflow } from '../../../../lib/destinations/goHighLevel';
import { contactLocator } from '../fields';
import { contactIdOf, requiredText } from '../read';
import { GhlRun } from '../run';
import { WORKFLOW_FIELD } from './fields';

const show = { resource: ['workflow'], operation: ['removeContact'] };

export const description: INodeProperties[] = [
	{ ...WORKFLOW_FIELD, displayOptions: { show } },
	contactLocator(show),
	optionsCollection(show),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const workflowId = requiredText(this, itemIndex, 'workflowId', 'workflow');
		const contactId = contactIdOf(this, itemIndex);
		await removeContactFromWorkflow(this, run.connection, contactId, workflowId, run.call(itemIndex));
		return { removed: true, contactId, workflowId };
	});
}
