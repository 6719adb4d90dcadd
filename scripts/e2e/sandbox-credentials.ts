import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';

export interface ImportedCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** The secret a Signed Webhook Trigger in Apollo Phone Reveal mode expects in its URL (`?token=`). */
export const PHONE_WEBHOOK_TOKEN = 'apollo-phones-url-token-0001';

/**
 * The credentials `npm start` and the end-to-end suite import into n8n, pointing every provider at
 * the sandbox. Fixed ids let the example workflows reference them.
 */
export function sandboxCredentialsFor(sandboxUrl: string, goHighLevelSessionToken?: string): ImportedCredential[] {
	const url = (prefix: string) => `${sandboxUrl}${prefix}`;
	const credentials: ImportedCredential[] = [
		{
			id: 'b2bSandboxApollo',
			name: 'Apollo (sandbox)',
			type: 'b2bApolloApi',
			data: { baseUrl: url('/apollo/api/v1'), apiKey: SANDBOX_CREDENTIALS.apollo.apiKey },
		},
		{
			id: 'b2bSandboxHunter',
			name: 'Hunter (sandbox)',
			type: 'b2bHunterApi',
			data: { baseUrl: url('/hunter/v2'), apiKey: SANDBOX_CREDENTIALS.hunter.apiKey },
		},
		{
			id: 'b2bSandboxUpLead',
			name: 'UpLead (sandbox)',
			type: 'b2bUpLeadApi',
			data: { baseUrl: url('/uplead/v2'), apiKey: SANDBOX_CREDENTIALS.upLead.apiKey },
		},
		{
			id: 'b2bSandboxZoomInfo',
			name: 'ZoomInfo (sandbox)',
			type: 'b2bZoomInfoJwtApi',
			data: {
				baseUrl: url('/zoominfo'),
				authMethod: 'password',
				username: SANDBOX_CREDENTIALS.zoomInfo.username,
				password: SANDBOX_CREDENTIALS.zoomInfo.password,
				jwt: '',
			},
		},
		{
			id: 'b2bSandboxHaloPsa',
			name: 'HaloPSA (sandbox)',
			type: 'b2bHaloPsaOAuth2Api',
			data: {
				grantType: 'clientCredentials',
				hostingType: 'hosted',
				baseUrl: url('/halopsa'),
				tenant: SANDBOX_CREDENTIALS.haloPsa.tenant,
				clientId: SANDBOX_CREDENTIALS.haloPsa.clientId,
				clientSecret: SANDBOX_CREDENTIALS.haloPsa.clientSecret,
				scope: 'all',
			},
		},
		{
			id: 'b2bSandboxThrio',
			name: 'Thrio (sandbox)',
			type: 'b2bThrioApi',
			data: {
				loginUrl: url('/thrio-login'),
				username: SANDBOX_CREDENTIALS.thrio.username,
				password: SANDBOX_CREDENTIALS.thrio.password,
				token: '',
				location: '',
			},
		},
		{
			id: 'b2bSandboxGhlV2',
			name: 'GoHighLevel v2 (sandbox)',
			type: 'b2bGoHighLevelApi',
			data: {
				baseUrl: url('/ghl-v2'),
				privateIntegrationToken: SANDBOX_CREDENTIALS.goHighLevel.privateIntegrationToken,
				locationId: SANDBOX_CREDENTIALS.goHighLevel.locationId,
				apiVersion: '2021-07-28',
			},
		},
		{
			id: 'b2bSandboxGhlSess',
			name: 'GoHighLevel session (sandbox)',
			type: 'b2bGoHighLevelSessionApi',
			data: {
				baseUrl: url('/ghl'),
				tokenId: goHighLevelSessionToken ?? '',
				apiVersion: '1.0',
				locationId: SANDBOX_CREDENTIALS.goHighLevel.locationId,
				email: SANDBOX_CREDENTIALS.goHighLevel.email,
				password: SANDBOX_CREDENTIALS.goHighLevel.password,
				loginUrl: url('/ghl-app'),
				sessionToken: '',
				sessionSource: '',
			},
		},
		{
			id: 'b2bSandboxPhoneHk',
			name: 'Apollo phone reveal URL secret (sandbox)',
			type: 'b2bWebhookSecretApi',
			data: { secret: PHONE_WEBHOOK_TOKEN, format: 'text' },
		},
	];
	return credentials;
}

/** Every secret the sandbox credentials hold: none may appear in n8n's logs, executions or outputs. */
export function sandboxSecrets(): string[] {
	return [
		SANDBOX_CREDENTIALS.apollo.apiKey,
		PHONE_WEBHOOK_TOKEN,
		SANDBOX_CREDENTIALS.hunter.apiKey,
		SANDBOX_CREDENTIALS.upLead.apiKey,
		SANDBOX_CREDENTIALS.zoomInfo.password,
		SANDBOX_CREDENTIALS.haloPsa.clientSecret,
		SANDBOX_CREDENTIALS.thrio.password,
		SANDBOX_CREDENTIALS.goHighLevel.password,
		SANDBOX_CREDENTIALS.goHighLevel.privateIntegrationToken,
	];
}
