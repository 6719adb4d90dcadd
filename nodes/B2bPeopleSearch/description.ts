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
			{ name: 'Company', value: 'company' },
			{ name: 'Person', value: 'person' },
		],
		default: 'person',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		// Each resource has one operation, so one list serves both.
		options: [{ name: 'Search', value: 'search', action: 'Search', description: 'Find records matching filters' }],
		default: 'search',
	},
	...operationProperties(OPERATIONS),
];
