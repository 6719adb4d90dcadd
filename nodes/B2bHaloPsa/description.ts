import type { INodeProperties } from 'n8n-workflow';

import { crudProperties } from './actions/crud/fields';
import * as sync from './actions/sync/sync.operation';

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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sync'] } },
		options: [{ name: 'Sync People and Companies', value: 'sync', action: 'Sync people and companies into halo psa' }],
		default: 'sync',
	},
	...sync.description,
	...crudProperties(),
];
