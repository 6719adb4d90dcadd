import type { NodeResource } from '../../../../lib/node-kit';

import * as addTags from './addTags.operation';
import * as remove from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as lookup from './lookup.operation';
import * as removeTags from './removeTags.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const contact: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['contact'] } },
			options: [
				{ name: 'Add Tags', value: 'addTags', action: 'Add tags to a contact' },
				{
					name: 'Create or Update',
					value: 'upsert',
					action: 'Create or update a contact',
					description: 'Create a new record, or update the current one if it already exists (upsert)',
				},
				{ name: 'Delete', value: 'delete', action: 'Delete a contact' },
				{ name: 'Find by Email or Phone', value: 'lookup', action: 'Find contacts by email or phone' },
				{ name: 'Get', value: 'get', action: 'Get a contact' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many contacts' },
				{ name: 'Remove Tags', value: 'removeTags', action: 'Remove tags from a contact' },
				{ name: 'Update', value: 'update', action: 'Update a contact' },
			],
			default: 'upsert',
		},
	],
	operations: { addTags, delete: remove, get, getMany, lookup, removeTags, update, upsert },
};
