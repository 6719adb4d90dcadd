import type { INodeProperties } from 'n8n-workflow';

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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{ name: 'Add', value: 'add', action: 'Add a lead to an outbound list', description: 'Add one lead per item, one request each' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update leads in an outbound list', description: 'Create a new record, or update the current one if it already exists (upsert)' },
			{ name: 'Reset', value: 'reset', action: 'Reset a lead', description: 'Put a lead back in the dialing queue with no attempts' },
		],
		default: 'upsert',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a contact' },
			{ name: 'Get', value: 'get', action: 'Get a contact' },
			{ name: 'Search', value: 'search', action: 'Search contacts' },
			{ name: 'Update', value: 'update', action: 'Update a contact' },
		],
		default: 'search',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['consent'] } },
		options: [{ name: 'Record', value: 'record', action: 'Record a communication consent', description: 'Record an opt-out (or opt-in) for a phone number or email' }],
		default: 'record',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [{ name: 'Send', value: 'send', action: 'Send an SMS' }],
		default: 'send',
	},
	...Object.values(OPERATIONS).flatMap((operations) => Object.values(operations).flatMap((operation) => operation.description)),
];
