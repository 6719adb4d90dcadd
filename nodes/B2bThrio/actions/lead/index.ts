import type { NodeResource } from '../../../../lib/node-kit';

import * as add from './add.operation';
import * as reset from './reset.operation';
import * as upsert from './upsert.operation';

export const lead: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['lead'] } },
			options: [
				{ name: 'Add', value: 'add', action: 'Add a lead to an outbound list', description: 'Add one lead per item, one request each' },
				{
					name: 'Create or Update',
					value: 'upsert',
					action: 'Create or update leads in an outbound list',
					description: 'Create a new record, or update the current one if it already exists (upsert)',
				},
				{ name: 'Reset', value: 'reset', action: 'Reset a lead', description: 'Put a lead back in the dialing queue with no attempts' },
			],
			default: 'upsert',
		},
	],
	operations: { add, reset, upsert },
};
