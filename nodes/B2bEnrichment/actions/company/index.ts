import type { NodeResource } from '../../../../lib/node-kit';

import * as enrich from './enrich.operation';

export const company: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['company'] } },
			options: [
				{
					name: 'Enrich',
					value: 'enrich',
					action: 'Enrich a company',
					description: "Fill in a company's industry, size, revenue and contacts",
				},
			],
			default: 'enrich',
		},
	],
	operations: { enrich },
};
