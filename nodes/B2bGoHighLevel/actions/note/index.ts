import type { NodeResource } from '../../../../lib/node-kit';

import * as add from './add.operation';
import * as getMany from './getMany.operation';

export const note: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['note'] } },
			options: [
				{ name: 'Add', value: 'add', action: 'Add a note to a contact' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many notes' },
			],
			default: 'add',
		},
	],
	operations: { add, getMany },
};
