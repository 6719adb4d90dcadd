/**
 * ZoomInfo Enterprise API, following ZoomInfo's documented logins: password and PKI (a client-signed
 * RS256 JWT). The JWT is not kept in memory for an hour: n8n stores it encrypted and this credential
 * logs in again when a request gets a 401.
 */
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { zoomInfoLogin } from '../lib/auth/zoomInfo';

export class B2bZoomInfoJwtApi implements ICredentialType {
	name = 'b2bZoomInfoJwtApi';

	displayName = 'ZoomInfo (B2B) API';

	icon: Icon = { light: 'file:icons/zoominfo.svg', dark: 'file:icons/zoominfo.dark.svg' };

	documentationUrl = 'https://api-docs.zoominfo.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.zoominfo.com',
			description:
				'The ZoomInfo Enterprise API. Change it only to point at a proxy, an on-premise host, a regional cluster or the local sandbox.',
		},
		{
			displayName: 'Authentication Method',
			name: 'authMethod',
			type: 'options',
			options: [
				{
					name: 'Username and Password',
					value: 'password',
				},
				{
					name: 'PKI Client ID and Private Key',
					value: 'pki',
				},
			],
			default: 'password',
			description:
				'PKI avoids storing a password: ZoomInfo verifies a token signed with your private key against the public key you registered.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The API username of your ZoomInfo account, shown with the API credentials in the ZoomInfo Admin Portal.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: {
				password: true,
			},
			displayOptions: {
				show: {
					authMethod: ['password'],
				},
			},
			default: '',
			required: true,
			description: 'The password of that API user.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			displayOptions: {
				show: {
					authMethod: ['pki'],
				},
			},
			default: '',
			required: true,
			description: 'The Client ID ZoomInfo issues when you register a public key under API credentials in the Admin Portal.',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: {
				password: true,
				rows: 5,
			},
			displayOptions: {
				show: {
					authMethod: ['pki'],
				},
			},
			default: '',
			required: true,
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description:
				'The RSA private key (PEM) whose public half you registered in the ZoomInfo Admin Portal. It never leaves n8n: it only signs the ' +
				'login token.',
		},
		{
			displayName: 'JWT',
			name: 'jwt',
			type: 'hidden',
			typeOptions: {
				expirable: true,
				password: true,
			},
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await zoomInfoLogin(this, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.jwt}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/lookup/usage',
		},
	};
}
