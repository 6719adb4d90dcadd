import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../lib/node-kit';
import { OPERATIONS } from './actions/operations';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Consent', value: 'consent', description: 'Communication consents (opt-outs) Thrio checks before it calls or texts' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Outbound List Lead', value: 'lead', description: 'Leads agents dial from an outbound list' },
			{ name: 'SMS', value: 'sms' },
		],
		default: 'lead',
	},
	...operationProperties(OPERATIONS),
];
