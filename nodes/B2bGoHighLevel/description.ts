import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../lib/node-kit';
import { OPERATIONS } from './actions/operations';

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Private Integration Token (API V2)', value: 'privateIntegrationToken', description: "HighLevel's documented API" },
			{
				name: 'Session Token (Token-ID)',
				value: 'sessionToken',
				description: 'The session backend the HighLevel web app uses, renewed automatically',
			},
		],
		default: 'privateIntegrationToken',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Calendar', value: 'calendar' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Note', value: 'note' },
			{ name: 'Opportunity', value: 'opportunity' },
			{ name: 'Task', value: 'task' },
			{ name: 'Workflow', value: 'workflow' },
		],
		default: 'contact',
	},
	...operationProperties(OPERATIONS),
];
