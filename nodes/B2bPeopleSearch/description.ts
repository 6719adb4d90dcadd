import type { INodeProperties } from 'n8n-workflow';

import { providerOptions } from '../../lib/node-kit';
import * as searchCompanies from './actions/company/search.operation';
import * as searchPeople from './actions/person/search.operation';

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
		options: [{ name: 'Search', value: 'search', action: 'Search', description: 'Find records matching filters' }],
		default: 'search',
	},
	{
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		displayOptions: { show: { resource: ['person'] } },
		options: providerOptions(['apollo', 'zoomInfo', 'upLead'], {
			apollo: 'People search spends no credits; emails come from enrichment',
			zoomInfo: 'Contact search',
			upLead: 'Prospector search, one company domain per search',
		}),
		default: 'apollo',
	},
	{
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		displayOptions: { show: { resource: ['company'] } },
		options: providerOptions(['apollo', 'zoomInfo']),
		default: 'apollo',
	},
	...searchPeople.description,
	...searchCompanies.description,
];
