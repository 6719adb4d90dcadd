import type { NodeResource } from '../../../../lib/node-kit';

import * as complete from './complete.operation';
import * as create from './create.operation';
import * as remove from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const task: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['task'] } },
			options: [
				{ name: 'Complete', value: 'complete', action: 'Complete a task', description: 'Mark a task done, or reopen it' },
				{ name: 'Create', value: 'create', action: 'Create a task' },
				{ name: 'Delete', value: 'delete', action: 'Delete a task' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many tasks' },
				{ name: 'Update', value: 'update', action: 'Update a task' },
			],
			default: 'create',
		},
	],
	operations: { complete, create, delete: remove, getMany, update },
};
