import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection, problemError } from '../../../../lib/node-kit';
import { updateObject } from '../../../../lib/destinations/thrio';
import { callOptions, idField } from '../fields';
import { checkedPersonFields, personFields, thrioFields } from '../person';

const show = { resource: ['contact'], operation: ['update'] };
const PHONE: INodeProperties = { displayName: 'Phone', name: 'phone', type: 'string', default: '' };

export const description: INodeProperties[] = [
	idField('Contact ID', 'contactId', show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		options: [...personFields(false), PHONE].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	optionsCollection(show),
];

/** Fields not given keep their value. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await eachItem(this, items, async (itemIndex) => {
		const read = checkedPersonFields(thrioFields(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex));
		if ('problem' in read) throw problemError(this, itemIndex, read.problem);
		return await updateObject(
			this,
			'contact',
			this.getNodeParameter('contactId', itemIndex) as string,
			read.record,
			callOptions(this, itemIndex),
		);
	});
}
