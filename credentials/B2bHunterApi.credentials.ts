/**
 * Hunter.io v2. The key travels in the X-API-KEY header that Hunter documents, not in the `api_key`
 * query parameter, so it never lands in URLs, proxy logs or error messages.
 */
import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class B2bHunterApi implements ICredentialType {
	name = 'b2bHunterApi';

	displayName = 'Hunter (B2B) API';

	icon: Icon = { light: 'file:icons/hunter.svg', dark: 'file:icons/hunter.dark.svg' };

	documentationUrl = 'https://hunter.io/api-documentation/v2';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: {
				password: true,
			},
			default: '',
			required: true,
			description: 'In Hunter open Dashboard > API and copy your API key.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.hunter.io/v2',
			description: 'The Hunter API v2. Change it only to point at a proxy, an on-premise host, a regional cluster or the local sandbox.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-KEY': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/account',
		},
	};
}
