import type { NodeResource } from '../../../../lib/node-kit';

import * as record from './record.operation';

export const consent: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['consent'] } },
			options: [
				{
					name: 'Record',
					value: 'record',
					action: 'Record a communication consent',
					description: 'Record an opt-out for a phone number or email',
				},
			],
			default: 'record',
		},
	],
	operations: { record },
};
