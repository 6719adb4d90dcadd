import type { NodeResource } from '../../../../lib/node-kit';

import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const opportunity: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['opportunity'] } },
			options: [
				{ name: 'Create', value: 'create', action: 'Create an opportunity' },
				{ name: 'Get Many', value: 'getMany', action: 'Get many opportunities' },
				{ name: 'Update', value: 'update', action: 'Update an opportunity', description: 'Change its pipeline, stage, status or value' },
			],
			default: 'create',
		},
	],
	operations: { create, getMany, update },
};
