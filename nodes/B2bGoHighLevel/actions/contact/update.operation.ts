import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import { updateContact } from '../../../../lib/destinations/goHighLevel';
import { customFieldsFor, ghlCustomFieldsProperty } from '../custom-fields';
import { CONTACT_UPDATE_FIELDS, EMAIL_FIELD, PHONE_FIELD, contactIdFields } from '../fields';
import { contactIdOf } from '../read';
import { GhlRun } from '../run';
import { contactFields } from './input';

const show = { resource: ['contact'], operation: ['update'] };

export const description: INodeProperties[] = [
	...contactIdFields(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		description: "HighLevel's update changes no company name: use Create or Update for it",
		options: [...CONTACT_UPDATE_FIELDS, EMAIL_FIELD, PHONE_FIELD].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	ghlCustomFieldsProperty(show),
	optionsCollection(show),
];

/** Sends only what HighLevel's `UpdateContactDto` holds; a field left empty keeps its value. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const id = contactIdOf(this, itemIndex);
		const fields = contactFields(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
		const customFields = await customFieldsFor(this, run, itemIndex);
		if (customFields) fields.customFields = customFields as unknown as IDataObject[];
		return await updateContact(this, run.connection, id, fields, run.call(itemIndex));
	});
}
