import { ClientOAuth2 } from '@n8n/client-oauth2';
import { Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeParameters, INodeTypes } from 'n8n-workflow';
import nock from 'nock';

import { B2bHaloPsaOAuth2Api } from '../../credentials/B2bHaloPsaOAuth2Api.credentials';
import type { HaloPsaUrlSettings } from '../../lib/auth/haloPsaUrls';
import { HALO_PSA_API_URL_EXPRESSION, haloPsaApiUrl, haloPsaAuthorizeUrl, haloPsaTokenUrl } from '../../lib/auth/haloPsaUrls';

const credential = new B2bHaloPsaOAuth2Api();

function defaultOf(name: string): string {
	const property = credential.properties.find((p) => p.name === name);
	if (typeof property?.default !== 'string') throw new Error(`no string default for ${name}`);
	return property.default;
}

/**
 * Resolves credential data the way n8n's CredentialsHelper does: one pass of
 * `getComplexParameterValue` over the data, with the data itself as `$self`.
 */
const workflow = new Workflow({
	nodes: [],
	connections: {},
	active: false,
	nodeTypes: { getByName: () => undefined, getByNameAndVersion: () => undefined } as unknown as INodeTypes,
});
const mockNode: INode = { id: 'mock', name: '', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} };

function resolveCredential(settings: HaloPsaUrlSettings): IDataObject {
	const data = { ...settings, authUrl: defaultOf('authUrl'), accessTokenUrl: defaultOf('accessTokenUrl') };
	return workflow.expression.getComplexParameterValue(
		mockNode,
		data as INodeParameters,
		'internal',
		{},
		undefined,
		undefined,
		data,
	) as IDataObject;
}

function resolveTestBaseUrl(settings: HaloPsaUrlSettings): unknown {
	return workflow.expression.getComplexParameterValue(mockNode, HALO_PSA_API_URL_EXPRESSION, 'internal', {
		$credentials: settings,
	} as never);
}

const CASES: Array<[string, HaloPsaUrlSettings, string, string]> = [
	[
		'hosted',
		{ baseUrl: 'https://acme.halopsa.com', hostingType: 'hosted', tenant: 'acme', authServerUrl: '' },
		'https://acme.halopsa.com/auth/authorize?tenant=acme',
		'https://acme.halopsa.com/auth/token?tenant=acme',
	],
	[
		'hosted, pasted with a trailing slash and spaces',
		{ baseUrl: ' https://acme.halopsa.com/ ', hostingType: 'hosted', tenant: ' acme ', authServerUrl: '  ' },
		'https://acme.halopsa.com/auth/authorize?tenant=acme',
		'https://acme.halopsa.com/auth/token?tenant=acme',
	],
	[
		'hosted, tenant needing encoding',
		{ baseUrl: 'https://acme.halopsa.com', hostingType: 'hosted', tenant: 'a&b c' },
		'https://acme.halopsa.com/auth/authorize?tenant=a%26b%20c',
		'https://acme.halopsa.com/auth/token?tenant=a%26b%20c',
	],
	[
		'hosted, authorization server override',
		{
			baseUrl: 'https://acme.halopsa.com',
			hostingType: 'hosted',
			tenant: 'acme',
			authServerUrl: 'https://auth.acme.example/halo/auth/',
		},
		'https://auth.acme.example/halo/auth/authorize?tenant=acme',
		'https://auth.acme.example/halo/auth/token?tenant=acme',
	],
	[
		'on-premise (tenant field hidden, so absent)',
		{ baseUrl: 'https://halo.acme.local', hostingType: 'onPremise', authServerUrl: '' },
		'https://halo.acme.local/auth/authorize',
		'https://halo.acme.local/auth/token',
	],
	[
		'on-premise with a tenant left over from hosted',
		{ baseUrl: 'https://halo.acme.local/', hostingType: 'onPremise', tenant: 'acme' },
		'https://halo.acme.local/auth/authorize',
		'https://halo.acme.local/auth/token',
	],
	[
		'on-premise, authorization server override',
		{ baseUrl: 'https://halo.acme.local', hostingType: 'onPremise', authServerUrl: 'https://sso.acme.local/auth' },
		'https://sso.acme.local/auth/authorize',
		'https://sso.acme.local/auth/token',
	],
	[
		'the local sandbox, hosted flavour',
		{ baseUrl: 'http://127.0.0.1:9000/halopsa', hostingType: 'hosted', tenant: 'sandbox' },
		'http://127.0.0.1:9000/halopsa/auth/authorize?tenant=sandbox',
		'http://127.0.0.1:9000/halopsa/auth/token?tenant=sandbox',
	],
	[
		'the local sandbox, on-premise flavour',
		{ baseUrl: 'http://127.0.0.1:9000/halopsa-onprem', hostingType: 'onPremise' },
		'http://127.0.0.1:9000/halopsa-onprem/auth/authorize',
		'http://127.0.0.1:9000/halopsa-onprem/auth/token',
	],
];

describe('HaloPSA URL functions', () => {
	it.each(CASES)('%s', (_name, settings, authorizeUrl, tokenUrl) => {
		expect(haloPsaAuthorizeUrl(settings)).toBe(authorizeUrl);
		expect(haloPsaTokenUrl(settings)).toBe(tokenUrl);
	});

	it('builds the resource API URL', () => {
		expect(haloPsaApiUrl('https://acme.halopsa.com/')).toBe('https://acme.halopsa.com/api');
	});
});

describe('HaloPSA credential expressions agree with the functions', () => {
	it.each(CASES)('%s', (_name, settings, authorizeUrl, tokenUrl) => {
		const resolved = resolveCredential(settings);
		expect(resolved.authUrl).toBe(authorizeUrl);
		expect(resolved.accessTokenUrl).toBe(tokenUrl);
	});

	it.each(CASES)('test request base URL: %s', (_name, settings) => {
		expect(resolveTestBaseUrl(settings)).toBe(haloPsaApiUrl(settings.baseUrl ?? ''));
	});

	it('pins what n8n must not let the user change', () => {
		expect(defaultOf('authQueryParameters')).toBe('');
		expect(defaultOf('authentication')).toBe('body');
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(credential.test.request).toMatchObject({ url: '/Agent/me' });
	});

	it('uses option values the expressions compare against', () => {
		const hosting = credential.properties.find((p) => p.name === 'hostingType');
		expect(hosting?.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual(['hosted', 'onPremise']);
		const tenant = credential.properties.find((p) => p.name === 'tenant');
		expect(tenant?.displayOptions?.show?.hostingType).toEqual(['hosted']);
	});
});

describe('n8n OAuth2 client keeps the tenant', () => {
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.restore());

	const hosted = resolveCredential(CASES[0][1]);
	const onPremise = resolveCredential(CASES[4][1]);

	it('in the authorize URL it builds for PKCE', () => {
		const uri = new ClientOAuth2({
			clientId: 'halo-client',
			accessTokenUri: String(hosted.accessTokenUrl),
			authorizationUri: String(hosted.authUrl),
			redirectUri: 'https://n8n.example.com/rest/oauth2-credential/callback',
			scopes: ['all'],
			state: 'state-1',
			query: { code_challenge: 'challenge', code_challenge_method: 'S256' },
		}).code.getUri();
		const url = new URL(uri);
		expect(`${url.origin}${url.pathname}`).toBe('https://acme.halopsa.com/auth/authorize');
		expect(Object.fromEntries(url.searchParams)).toEqual({
			tenant: 'acme',
			client_id: 'halo-client',
			redirect_uri: 'https://n8n.example.com/rest/oauth2-credential/callback',
			response_type: 'code',
			state: 'state-1',
			scope: 'all',
			code_challenge: 'challenge',
			code_challenge_method: 'S256',
		});
	});

	it('in the client-credentials token request, with the secret in the body', async () => {
		let form: URLSearchParams | undefined;
		const scope = nock('https://acme.halopsa.com')
			.post('/auth/token', (body: string) => {
				form = new URLSearchParams(body);
				return true;
			})
			.query({ tenant: 'acme' })
			.reply(200, { access_token: 'halo-token', token_type: 'Bearer', expires_in: 3600 });

		const token = await new ClientOAuth2({
			clientId: 'halo-client',
			clientSecret: 'halo-client-secret-0001',
			accessTokenUri: String(hosted.accessTokenUrl),
			authentication: 'body',
			scopes: ['all'],
		}).credentials.getToken();

		expect(token.accessToken).toBe('halo-token');
		expect(scope.isDone()).toBe(true);
		expect(Object.fromEntries(form ?? [])).toEqual({
			grant_type: 'client_credentials',
			client_id: 'halo-client',
			client_secret: 'halo-client-secret-0001',
			scope: 'all',
		});
	});

	it('and sends none on-premise', async () => {
		const scope = nock('https://halo.acme.local')
			.post('/auth/token')
			.reply(200, { access_token: 'onprem-token', token_type: 'Bearer', expires_in: 3600 });

		const token = await new ClientOAuth2({
			clientId: 'halo-client',
			clientSecret: 'halo-client-secret-0001',
			accessTokenUri: String(onPremise.accessTokenUrl),
			authentication: 'body',
			scopes: ['all'],
		}).credentials.getToken();

		expect(token.accessToken).toBe('onprem-token');
		expect(scope.isDone()).toBe(true);
	});
});
