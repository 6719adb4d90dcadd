import type { NodeResource } from '../../../../lib/node-kit';

import * as domainSearch from './domainSearch.operation';
import * as verify from './verify.operation';

export const email: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['email'] } },
			options: [
				{
					name: 'Domain Search',
					value: 'domainSearch',
					action: 'List the emails at a domain',
					description: 'Every person Hunter knows at a company domain',
				},
				{ name: 'Verify', value: 'verify', action: 'Verify an email', description: 'Check whether an address is deliverable with Hunter' },
			],
			default: 'verify',
		},
		// Verify and Domain Search are Hunter's: this hidden list shows Hunter's credential for them.
		{ displayName: 'Providers', name: 'providers', type: 'hidden', displayOptions: { show: { resource: ['email'] } }, default: ['hunter'] },
	],
	operations: { domainSearch, verify },
};
