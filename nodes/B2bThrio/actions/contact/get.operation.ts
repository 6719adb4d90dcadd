import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import { getObject } from '../../../../lib/destinations/thrio';
import { callOptions, idField } from '../fields';

const show = { resource: ['contact'], operation: ['get'] };

export const description: INodeProperties[] = [idField('Contact ID', 'contactId', show), optionsCollection(show)];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await eachItem(
		this,
		items,
		async (itemIndex) =>
			await getObject(this, 'contact', this.getNodeParameter('contactId', itemIndex) as string, callOptions(this, itemIndex)),
	);
}
