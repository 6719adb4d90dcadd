/**
 * GoHighLevel's session backend, which HighLevel does not document: the
 * `token-id` and `version: 1.0` headers, `POST /token/update` to renew a session token, and the
 * service-account re-login at `POST {loginUrl}/login`. For HighLevel's documented API use
 * B2bGoHighLevelApi (Private Integration Token) instead.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { applyGoHighLevelSessionAuthentication, renewGoHighLevelSession } from '../lib/auth/goHighLevelSession';

export class B2bGoHighLevelSessionApi implements ICredentialType {
	name = 'b2bGoHighLevelSessionApi';

	displayName = 'GoHighLevel Session (B2B) API';

	icon: Icon = { light: 'file:icons/gohighlevel.svg', dark: 'file:icons/gohighlevel.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://backend.leadconnectorhq.com',
			description:
				'The session backend the HighLevel web app talks to. Change it only to point at a proxy, an on-premise host, a regional cluster ' +
				'or the local sandbox.',
		},
		{
			displayName: 'Token ID',
			name: 'tokenId',
			type: 'string',
			typeOptions: {
				password: true,
			},
			default: '',
			description:
				'The token-id of a logged-in HighLevel session: in the HighLevel web app open the browser developer tools, Network tab, and copy ' +
				'the token-id header of any request to backend.leadconnectorhq.com. A session lives 15 to 20 minutes and n8n can only renew one ' +
				'that is still alive, so for unattended workflows also set Email and Password. Leave empty when Email and Password are set.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '1.0',
			description: 'Sent as the version header. Keep 1.0 unless the session backend asks for another value.',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The sub-account to work in: in HighLevel open Settings > Business Profile, or copy the ID after /location/ in the address bar.',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description:
				'Optional service-account mode: the email of a HighLevel user that n8n logs in as when the session cannot be renewed. Use a ' +
				'dedicated user without two-factor sign-in.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: {
				password: true,
			},
			default: '',
			description: 'The password of that HighLevel user, for service-account mode.',
		},
		{
			displayName: 'Login URL',
			name: 'loginUrl',
			type: 'string',
			default: 'https://app.gohighlevel.com',
			description:
				'Where service-account mode logs in (POST /login). Change it only to point at a proxy, an on-premise host, a regional cluster or ' +
				'the local sandbox.',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: {
				expirable: true,
				password: true,
			},
			default: '',
		},
		{
			displayName: 'Session Source',
			name: 'sessionSource',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await renewGoHighLevelSession(this, credentials);
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return applyGoHighLevelSessionAuthentication(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '=/locations/{{$credentials.locationId}}',
		},
	};
}
