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
			{ name: 'Action', value: 'action', description: 'Notes and emails on a ticket or an opportunity' },
			{ name: 'Appointment', value: 'appointment' },
			{ name: 'Asset', value: 'asset' },
			{ name: 'Client', value: 'client' },
			{ name: 'Contract', value: 'contract', description: "A client's contract" },
			{ name: 'Opportunity', value: 'opportunity' },
			{ name: 'Quote', value: 'quote' },
			{ name: 'Site', value: 'site' },
			{ name: 'Sync', value: 'sync', description: 'Clients, sites, contacts and opportunities from people and companies, in batches' },
			{ name: 'Ticket', value: 'ticket' },
			{ name: 'User (Contact)', value: 'user' },
		],
		default: 'sync',
	},
	...operationProperties(OPERATIONS),
];
