import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem } from '../../../../lib/node-kit';
import { createObject } from '../../../../lib/providers/thrio';
import { callOptions, optionsField } from '../fields';
import { personInput, personInputFields } from '../person';

const show = { resource: ['contact'], operation: ['create'] };

export const description: INodeProperties[] = [...personInputFields(show, false), optionsField(show)];

/** A plain create: if its answer is lost it is not sent again, since it may have created the contact. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await eachItem(this, items, async (itemIndex) => await createObject(this, 'contact', personInput(this, items[itemIndex].json, itemIndex, false), callOptions(this, itemIndex)));
}
