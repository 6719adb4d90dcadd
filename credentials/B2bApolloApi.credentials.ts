/**
 * Apollo.io, following Apollo's current API (`/api/v1` and the `x-api-key` header); the older
 * `https://api.apollo.io/v1` base is not used.
 */
import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class B2bApolloApi implements ICredentialType {
	name = 'b2bApolloApi';

	displayName = 'Apollo (B2B) API';

	icon: Icon = { light: 'file:icons/apollo.svg', dark: 'file:icons/apollo.dark.svg' };

	documentationUrl = 'https://docs.apollo.io/reference/authentication';

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
			description:
				'In Apollo open Settings > Integrations > API and create a key. People search needs a master key; a key limited to other ' +
				'endpoints gets 403 API_INACCESSIBLE there.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.apollo.io/api/v1',
			description: 'The Apollo API. Change it only to point at a proxy, an on-premise host, a regional cluster or the local sandbox.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/auth/health',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'is_logged_in',
					value: false,
					message: 'Apollo did not accept the API key: check it in Settings > Integrations > API.',
				},
			},
		],
	};
}
