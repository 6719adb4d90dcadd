import type { INodeProperties } from 'n8n-workflow';

import * as getUsage from './actions/account/getUsage.operation';
import * as enrichCompany from './actions/company/enrich.operation';
import * as domainSearch from './actions/email/domainSearch.operation';
import * as verifyEmail from './actions/email/verify.operation';
import * as enrichPerson from './actions/person/enrich.operation';

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
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['person'] } },
		options: [
			{ name: 'Enrich', value: 'enrich', action: 'Enrich a person', description: 'Fill in a person\'s email, phone, title and company from one provider or a waterfall' },
			{ name: 'Find Email', value: 'findEmail', action: 'Find the email of a person', description: 'Find a work email from a name and company, stopping at the first verified one' },
		],
		default: 'enrich',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [{ name: 'Enrich', value: 'enrich', action: 'Enrich a company', description: 'Fill in a company\'s industry, size, revenue and contacts' }],
		default: 'enrich',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['email'] } },
		options: [
			{ name: 'Domain Search', value: 'domainSearch', action: 'List the emails at a domain', description: 'Every person Hunter knows at a company domain' },
			{ name: 'Verify', value: 'verify', action: 'Verify an email', description: 'Check whether an address is deliverable with Hunter' },
		],
		default: 'verify',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [{ name: 'Get Usage', value: 'getUsage', action: 'Get remaining credits', description: 'Remaining quota and credits per provider' }],
		default: 'getUsage',
	},
	// Verify and Domain Search are Hunter's: this hidden list shows Hunter's credential for them.
	{ displayName: 'Providers', name: 'providers', type: 'hidden', displayOptions: { show: { resource: ['email'] } }, default: ['hunter'] },
	...enrichPerson.description,
	...enrichCompany.description,
	...verifyEmail.description,
	...domainSearch.description,
	...getUsage.description,
];
