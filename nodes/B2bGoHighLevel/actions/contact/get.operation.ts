import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import { getContact } from '../../../../lib/destinations/goHighLevel';
import { contactIdFields } from '../fields';
import { contactIdOf } from '../read';
import { GhlRun } from '../run';

const show = { resource: ['contact'], operation: ['get'] };

export const description: INodeProperties[] = [...contactIdFields(show), optionsCollection(show)];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(
		this,
		items,
		async (itemIndex) => await getContact(this, run.connection, contactIdOf(this, itemIndex), run.call(itemIndex)),
	);
}
