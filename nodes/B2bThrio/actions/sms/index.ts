import type { NodeResource } from '../../../../lib/node-kit';

import * as send from './send.operation';

export const sms: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['sms'] } },
			options: [{ name: 'Send', value: 'send', action: 'Send an SMS' }],
			default: 'send',
		},
	],
	operations: { send },
};
