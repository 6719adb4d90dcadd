import type { NodeResource } from '../../../../lib/node-kit';

import * as getUsage from './getUsage.operation';

export const account: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['account'] } },
			options: [
				{ name: 'Get Usage', value: 'getUsage', action: 'Get remaining credits', description: 'Remaining quota and credits per provider' },
			],
			default: 'getUsage',
		},
	],
	operations: { getUsage },
};
