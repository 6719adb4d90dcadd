import type { NodeResource } from '../../../../lib/node-kit';

import * as addContact from './addContact.operation';
import * as removeContact from './removeContact.operation';

export const workflow: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['workflow'] } },
			options: [
				{ name: 'Add Contact', value: 'addContact', action: 'Add a contact to a workflow' },
				{ name: 'Remove Contact', value: 'removeContact', action: 'Remove a contact from a workflow' },
			],
			default: 'addContact',
		},
	],
	operations: { addContact, removeContact },
};
