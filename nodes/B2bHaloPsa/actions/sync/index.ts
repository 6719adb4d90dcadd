import type { NodeResource } from '../../../../lib/node-kit';

import * as sync from './sync.operation';

/** Sync has one operation: people and companies into clients, sites, contacts and opportunities. */
export const syncResource: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['sync'] } },
			options: [{ name: 'Sync People and Companies', value: 'sync', action: 'Sync people and companies into halo psa' }],
			default: 'sync',
		},
	],
	operations: { sync },
};
