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
			{ name: 'Client', value: 'client' },
			{ name: 'Opportunity', value: 'opportunity' },
			{ name: 'Site', value: 'site' },
			{ name: 'Sync', value: 'sync', description: 'Clients, sites, contacts and opportunities from people and companies, in batches' },
			{ name: 'Ticket', value: 'ticket' },
			{ name: 'User (Contact)', value: 'user' },
		],
		default: 'sync',
	},
	...operationProperties(OPERATIONS),
];
