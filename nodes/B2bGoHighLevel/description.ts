import type { INodeProperties } from 'n8n-workflow';

import { OPERATIONS } from './actions/operations';

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Private Integration Token (API V2)', value: 'privateIntegrationToken', description: "HighLevel's documented API" },
			{ name: 'Session Token (Token-ID)', value: 'sessionToken', description: 'The session backend the HighLevel web app uses, renewed automatically' },
		],
		default: 'privateIntegrationToken',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Contact', value: 'contact' },
			{ name: 'Opportunity', value: 'opportunity' },
		],
		default: 'contact',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Add Tags', value: 'addTags', action: 'Add tags to a contact' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update a contact', description: 'Create a new record, or update the current one if it already exists (upsert)' },
			{ name: 'Delete', value: 'delete', action: 'Delete a contact' },
			{ name: 'Find by Email or Phone', value: 'lookup', action: 'Find contacts by email or phone' },
			{ name: 'Get', value: 'get', action: 'Get a contact' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many contacts' },
			{ name: 'Remove Tags', value: 'removeTags', action: 'Remove tags from a contact' },
			{ name: 'Update', value: 'update', action: 'Update a contact' },
		],
		default: 'upsert',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create an opportunity' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many opportunities' },
			{ name: 'Update', value: 'update', action: 'Update an opportunity', description: 'Change its pipeline, stage, status or value' },
		],
		default: 'create',
	},
	...Object.values(OPERATIONS).flatMap((operations) => Object.values(operations).flatMap((operation) => operation.description)),
];
