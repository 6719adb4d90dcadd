/**
 * UpLead v2. UpLead expects the bare key in the Authorization header, not `Bearer <key>`, which
 * UpLead's documentation does not show.
 */
import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class B2bUpLeadApi implements ICredentialType {
	name = 'b2bUpLeadApi';

	displayName = 'UpLead (B2B) API';

	icon: Icon = { light: 'file:icons/uplead.svg', dark: 'file:icons/uplead.dark.svg' };

	documentationUrl = 'https://docs.uplead.com/';

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
			description: 'In UpLead open Account > API and copy your API key.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.uplead.com/v2',
			description: 'The UpLead API v2. Change it only to point at a proxy, an on-premise host, a regional cluster or the local sandbox.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/credits',
		},
	};
}
