import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, writeEachItem } from '../../../../lib/node-kit';
import { upsertContact } from '../../../../lib/destinations/goHighLevel';
import { customFieldsFor, ghlCustomFieldsProperty } from '../custom-fields';

import { GhlRun } from '../run';
import { contactInput, contactInputFields } from './input';

const show = { resource: ['contact'], operation: ['upsert'] };

export const description: INodeProperties[] = [...contactInputFields(show), ghlCustomFieldsProperty(show), optionsCollection(show)];

/**
 * HighLevel decides whether the contact is new (by email, then phone, as the location's duplicate
 * setting says); the output says which with `action`. Every item is checked before the first is
 * sent. A lost answer is sent again only when the location refuses duplicates, since otherwise
 * the repeat would create a second contact.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	const repeatable = !(await run.duplicatesAllowed());
	return await writeEachItem(
		this,
		items,
		async (itemIndex) => {
			const contact = contactInput(this, items[itemIndex].json, itemIndex);
			const customFields = await customFieldsFor(this, run, itemIndex);
			if (customFields) contact.customFields = customFields as unknown as IDataObject[];
			return contact;
		},
		async (contact, itemIndex) => {
			const result = await upsertContact(this, run.connection, contact, repeatable, run.call(itemIndex));
			return { action: result.new ? 'created' : 'updated', ...result } as IDataObject;
		},
	);
}
