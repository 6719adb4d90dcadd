import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, writeEachItem } from '../../../../lib/node-kit';
import { createObject } from '../../../../lib/destinations/thrio';
import { callOptions } from '../fields';
import { personInput, personInputFields } from '../person';

const show = { resource: ['contact'], operation: ['create'] };

export const description: INodeProperties[] = [...personInputFields(show, false), optionsCollection(show)];

/**
 * A plain create: if its answer is lost it is not sent again, since it may have created the
 * contact. For the same reason every item is checked before the first is created.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await writeEachItem(
		this,
		items,
		(itemIndex) => personInput(this, items[itemIndex].json, itemIndex, false),
		async (contact, itemIndex) => await createObject(this, 'contact', contact, callOptions(this, itemIndex)),
	);
}
