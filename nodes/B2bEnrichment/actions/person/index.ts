import type { NodeResource } from '../../../../lib/node-kit';

import * as enrich from './enrich.operation';
import * as estimate from './estimate.operation';
import * as findEmail from './findEmail.operation';

export const person: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['person'] } },
			options: [
				{
					name: 'Enrich',
					value: 'enrich',
					action: 'Enrich a person',
					description: "Fill in a person's email, phone, title and company from one provider or a waterfall",
				},
				{
					name: 'Estimate Cost',
					value: 'estimate',
					action: 'Estimate the cost of enriching people',
					description: 'What Enrich would spend on these items with these settings, per provider, without a paid call',
				},
				{
					name: 'Find Email',
					value: 'findEmail',
					action: 'Find the email of a person',
					description: 'Find a work email from a name and company, stopping at the first verified one',
				},
			],
			default: 'enrich',
		},
	],
	operations: { enrich, estimate, findEmail },
};
