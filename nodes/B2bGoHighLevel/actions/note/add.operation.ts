import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, optionsCollection, writeEachItem } from '../../../../lib/node-kit';
import { createNote } from '../../../../lib/destinations/goHighLevel';
import type { GhlNoteFields } from '../../../../lib/destinations/goHighLevel';
import { contactLocator } from '../fields';
import { checkedFields, contactIdOf } from '../read';
import { GhlRun } from '../run';

const show = { resource: ['note'], operation: ['add'] };

export const description: INodeProperties[] = [
	contactLocator(show),
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, required: true, displayOptions: { show }, default: '' },
	additionalFieldsCollection(show, [
		{ displayName: 'User ID', name: 'userId', type: 'string', default: '', description: 'The HighLevel user the note is by' },
	]),
	optionsCollection(show),
];

/** `NotesDTO`: the body and, when given, the user. Every item is checked before the first note is added. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await writeEachItem(
		this,
		items,
		(itemIndex) => {
			const contactId = contactIdOf(this, itemIndex);
			const note = checkedFields(
				this,
				itemIndex,
				{
					...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
					body: this.getNodeParameter('body', itemIndex, ''),
				},
				{ body: 'text', userId: 'line' },
				[{ field: 'body', why: 'a note is its text' }],
			) as unknown as GhlNoteFields;
			return { contactId, note };
		},
		async ({ contactId, note }, itemIndex) => await createNote(this, run.connection, contactId, note, run.call(itemIndex)),
	);
}
