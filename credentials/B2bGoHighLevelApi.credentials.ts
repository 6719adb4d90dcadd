/**
 * HighLevel's public API v2 with a Private Integration Token, as HighLevel documents it (for the
 * undocumented session backend see B2bGoHighLevelSessionApi).
 */
import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class B2bGoHighLevelApi implements ICredentialType {
	name = 'b2bGoHighLevelApi';

	displayName = 'GoHighLevel V2 (B2B) API';

	icon: Icon = { light: 'file:icons/gohighlevel.svg', dark: 'file:icons/gohighlevel.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'The HighLevel API v2. Change it only to point at a proxy, an on-premise host, a regional cluster or the local sandbox.',
		},
		{
			displayName: 'Private Integration Token',
			name: 'privateIntegrationToken',
			type: 'string',
			typeOptions: {
				password: true,
			},
			default: '',
			required: true,
			description:
				'In HighLevel open Settings > Private Integrations, create an integration with the scopes your workflows need (contacts read and ' +
				'write at least), and copy its token.',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The sub-account the token belongs to: in HighLevel open Settings > Business Profile, or copy the ID after /location/ in the ' +
				'address bar.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2021-07-28',
			description: 'Sent as the Version header that API v2 requires.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.privateIntegrationToken}}',
				Version: '={{$credentials.apiVersion}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '=/locations/{{$credentials.locationId}}',
		},
	};
}
