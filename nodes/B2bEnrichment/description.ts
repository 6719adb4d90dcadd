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
			{ name: 'Account', value: 'account' },
			{ name: 'Company', value: 'company' },
			{ name: 'Email', value: 'email' },
			{ name: 'Person', value: 'person' },
		],
		default: 'person',
	},
	...operationProperties(OPERATIONS),
];
