/**
 * Thrio / Nextiva Contact Center. Login is `/provider/token-with-authorities`, called as Thrio's public
 * clients call it (GET with Basic auth, answer `{token, location}`); its failures carry Thrio's error codes
 * (see ThrioErrorCode). This never uses a refresh token: see preAuthentication.
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

import { applyThrioAuthentication, thrioLogin } from '../lib/auth/thrio';

export class B2bThrioApi implements ICredentialType {
	name = 'b2bThrioApi';

	displayName = 'Thrio (B2B) API';

	icon: Icon = { light: 'file:icons/thrio.svg', dark: 'file:icons/thrio.dark.svg' };

	documentationUrl = 'https://help.thrio.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Login URL',
			name: 'loginUrl',
			type: 'string',
			default: 'https://login.thrio.com',
			description:
				'Where Thrio issues tokens. The login answers with the API host of your tenant, so this is the only URL most accounts need. ' +
				'Change it only to point at a proxy, an on-premise host, a regional cluster or the local sandbox.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'The username you sign in to the Thrio / Nextiva contact center with. A dedicated API user with the authorities your workflows ' +
				'need is best.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: {
				password: true,
			},
			default: '',
			required: true,
			description: 'The contact-center password of that user.',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://yourcluster.thrio.io',
			description:
				'Leave empty to use the API host the login returns. Set it to force a host: an on-premise host, a regional cluster or the local ' +
				'sandbox.',
		},
		{
			displayName: 'Authorization Prefix',
			name: 'authorizationPrefix',
			type: 'options',
			options: [
				{
					name: 'None (Raw Token)',
					value: 'none',
				},
				{
					name: 'Bearer',
					value: 'bearer',
				},
			],
			default: 'none',
			description:
				'How the token goes into the Authorization header. Thrio takes the raw token; choose Bearer only if a gateway in front of Thrio ' +
				'asks for it.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'hidden',
			typeOptions: {
				expirable: true,
				password: true,
			},
			default: '',
		},
		{
			displayName: 'Location',
			name: 'location',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await thrioLogin(this, credentials);
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return applyThrioAuthentication(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.loginUrl}}',
			url: '/data/api/types/contact',
			qs: {
				rows: 1,
			},
		},
	};
}
