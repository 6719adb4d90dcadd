import type { NodeResource } from '../../../../lib/node-kit';

import * as create from './create.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const contact: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['contact'] } },
			options: [
				{ name: 'Create', value: 'create', action: 'Create a contact' },
				{ name: 'Get', value: 'get', action: 'Get a contact' },
				{ name: 'Search', value: 'search', action: 'Search contacts' },
				{ name: 'Update', value: 'update', action: 'Update a contact' },
			],
			default: 'search',
		},
	],
	operations: { create, get, search, update },
};
