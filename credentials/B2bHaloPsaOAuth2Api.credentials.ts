/**
 * HaloPSA, following HaloPSA's real OAuth2 API (not an authorization-code flow against
 * `{tenant}.halopsa.com` with a refresh grant, which Halo does not document): client credentials by
 * default so scheduled workflows run with nobody present, PKCE for per-user access, `?tenant=` only for
 * Halo-hosted instances. n8n's OAuth2 machinery fetches and renews the token; this file only pins the URLs.
 */
import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { HALO_PSA_API_URL_EXPRESSION, HALO_PSA_AUTHORIZE_URL_EXPRESSION, HALO_PSA_TOKEN_URL_EXPRESSION } from '../lib/auth/haloPsaUrls';

export class B2bHaloPsaOAuth2Api implements ICredentialType {
	name = 'b2bHaloPsaOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HaloPSA (B2B) OAuth2 API';

	icon: Icon = { light: 'file:icons/halopsa.svg', dark: 'file:icons/halopsa.dark.svg' };

	documentationUrl = 'https://halo.haloservicedesk.com/apidoc/info';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description: 'Works in scheduled runs with nobody present',
				},
				{
					name: 'Authorization Code with PKCE',
					value: 'pkce',
					description: 'Acts as the HaloPSA agent who connects the credential',
				},
			],
			default: 'clientCredentials',
			description:
				'Client Credentials needs an application whose Authentication Method is Client ID and Secret (Services). PKCE needs an ' +
				'application whose Authentication Method is Authorization Code, with this n8n OAuth Redirect URL added to it.',
		},
		{
			displayName: 'Hosting Type',
			name: 'hostingType',
			type: 'options',
			options: [
				{
					name: 'Hosted by Halo',
					value: 'hosted',
				},
				{
					name: 'On-Premise',
					value: 'onPremise',
				},
			],
			default: 'hosted',
			description: 'Whether Halo runs your instance (its URL usually ends in halopsa.com) or your own servers do.',
		},
		{
			displayName: 'HaloPSA URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://yourcompany.halopsa.com',
			description:
				'The address you open HaloPSA at, without /api. The resource API is this URL followed by /api. It can also point to an on-premise ' +
				'host, a regional cluster or the local sandbox.',
		},
		{
			displayName: 'Authorization Server URL',
			name: 'authServerUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://yourcompany.halopsa.com/auth',
			description:
				'Leave empty to use the HaloPSA URL followed by /auth. Set it only when your authorization server lives elsewhere: GET ' +
				'/api/authinfo on your instance returns it as auth_url, and Configuration > Integrations > HaloPSA API shows it too.',
		},
		{
			displayName: 'Tenant',
			name: 'tenant',
			type: 'string',
			displayOptions: {
				show: {
					hostingType: ['hosted'],
				},
			},
			default: '',
			required: true,
			description:
				'Your tenant name, shown in Configuration > Integrations > HaloPSA API (and returned by GET /api/authinfo as tenant_id). ' +
				'Halo-hosted instances need it on every token request.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'In HaloPSA open Configuration > Integrations > HaloPSA API > View Applications, create an application, and copy its Client ID. ' +
				'For Client Credentials choose the Authentication Method Client ID and Secret (Services), pick the agent it acts as, and grant ' +
				'the permissions your workflows need on its Permissions tab.',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: {
				password: true,
			},
			default: '',
			description:
				'The Client Secret HaloPSA shows once when you create the application. Client Credentials needs it; a PKCE application has none, ' +
				'so leave it empty then.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'all',
			description:
				'Space-separated scopes, limited by the permissions of the application. Use all, all:standard or admin, or pick from read: and ' +
				'edit: followed by tickets, calendar, customers, crm, timesheets, contracts, suppliers, items, projects, sales, quotes, sos, pos, ' +
				'invoices, reporting, software, kb or assets (e.g. read:customers edit:crm). With PKCE, n8n always asks for the default (all) ' +
				'when signing in, so limit access through the permissions of the application in HaloPSA instead.',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: HALO_PSA_AUTHORIZE_URL_EXPRESSION,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: HALO_PSA_TOKEN_URL_EXPRESSION,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: HALO_PSA_API_URL_EXPRESSION,
			url: '/Agent/me',
		},
	};
}
