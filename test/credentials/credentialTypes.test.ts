import { existsSync } from 'fs';
import { join } from 'path';

import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ICredentialType, INode, INodeParameters, INodeTypes } from 'n8n-workflow';

import { B2bApolloApi } from '../../credentials/B2bApolloApi.credentials';
import { B2bGoHighLevelApi } from '../../credentials/B2bGoHighLevelApi.credentials';
import { B2bGoHighLevelSessionApi } from '../../credentials/B2bGoHighLevelSessionApi.credentials';
import { B2bHaloPsaOAuth2Api } from '../../credentials/B2bHaloPsaOAuth2Api.credentials';
import { B2bHunterApi } from '../../credentials/B2bHunterApi.credentials';
import { B2bThrioApi } from '../../credentials/B2bThrioApi.credentials';
import { B2bUpLeadApi } from '../../credentials/B2bUpLeadApi.credentials';
import { B2bZoomInfoJwtApi } from '../../credentials/B2bZoomInfoJwtApi.credentials';

const CREDENTIALS: ICredentialType[] = [
	new B2bHaloPsaOAuth2Api(),
	new B2bZoomInfoJwtApi(),
	new B2bThrioApi(),
	new B2bGoHighLevelSessionApi(),
	new B2bGoHighLevelApi(),
	new B2bApolloApi(),
	new B2bHunterApi(),
	new B2bUpLeadApi(),
];

const CREDENTIALS_DIR = join(__dirname, '..', '..', 'credentials');

const workflow = new Workflow({
	nodes: [],
	connections: {},
	active: false,
	nodeTypes: { getByName: () => undefined, getByNameAndVersion: () => undefined } as unknown as INodeTypes,
});
const mockNode: INode = { id: 'mock', name: '', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} };

/** Resolves a value the way n8n resolves `authenticate` and `test` definitions: with `$credentials`. */
function resolve(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	return workflow.expression.getComplexParameterValue(mockNode, value as INodeParameters, 'internal', {
		$credentials: credentials,
	} as never);
}

describe.each(CREDENTIALS.map((c) => [c.name, c] as const))('%s', (_name, credential) => {
	it('is named to never collide with a built-in credential', () => {
		expect(credential.name).toMatch(/^b2b[A-Z]/);
		expect(credential.constructor.name).toBe(credential.name[0].toUpperCase() + credential.name.slice(1));
		expect(existsSync(join(CREDENTIALS_DIR, `${credential.constructor.name}.credentials.ts`))).toBe(true);
		expect(credential.displayName).toMatch(/\(B2B\) .*API$/);
	});

	it('has a light and a dark icon file, an https documentation URL and a connection test', () => {
		const { light, dark } = credential.icon as { light: string; dark: string };
		expect(light).toMatch(/^file:icons\/[a-z]+\.svg$/);
		expect(dark).toBe(light.replace(/\.svg$/, '.dark.svg'));
		for (const icon of [light, dark]) expect(existsSync(join(CREDENTIALS_DIR, icon.slice('file:'.length)))).toBe(true);
		expect(new URL(credential.documentationUrl ?? '').protocol).toBe('https:');
		expect(credential.test?.request.url).toBeTruthy();
	});

	it('hides its cached token as an expirable secret, or has none', () => {
		const expirable = credential.properties.filter((p) => p.typeOptions?.expirable);
		expect(expirable.length).toBe(credential.preAuthentication ? 1 : 0);
		for (const property of expirable) {
			expect(property).toMatchObject({ type: 'hidden', default: '', typeOptions: { password: true } });
		}
	});

	it('has an overridable base URL with a default or a placeholder', () => {
		const base = credential.properties.find((p) => ['baseUrl', 'loginUrl'].includes(p.name));
		expect(base?.type).toBe('string');
		expect(base?.default || base?.placeholder).toMatch(/^(e\.g\. )?https:\/\//);
	});

	it('writes descriptions as sentences', () => {
		for (const property of credential.properties.filter((p) => p.type !== 'hidden')) {
			expect(property.description).toMatch(/^[A-Z].*\.$/s);
		}
	});
});

describe('generic authentication resolves to the documented headers', () => {
	it.each([
		[B2bApolloApi, { apiKey: 'k1' }, { 'x-api-key': 'k1' }],
		[B2bHunterApi, { apiKey: 'k2' }, { 'X-API-KEY': 'k2' }],
		[B2bUpLeadApi, { apiKey: 'k3' }, { Authorization: 'k3' }],
		[B2bZoomInfoJwtApi, { jwt: 'j1' }, { Authorization: 'Bearer j1' }],
		[
			B2bGoHighLevelApi,
			{ privateIntegrationToken: 'pit', apiVersion: '2021-07-28' },
			{ Authorization: 'Bearer pit', Version: '2021-07-28' },
		],
	])('%p', (Credential, data, headers) => {
		const { authenticate } = new Credential();
		if (typeof authenticate !== 'object') throw new Error('expected generic authentication');
		expect(resolve(authenticate.properties.headers, data)).toEqual(headers);
	});
});

describe('connection tests resolve to the endpoints each API documents', () => {
	const data = {
		baseUrl: 'http://127.0.0.1:9000/x',
		loginUrl: 'http://127.0.0.1:9000/thrio-login',
		locationId: 'loc-sandbox-1',
	};

	it.each([
		[B2bHaloPsaOAuth2Api, 'http://127.0.0.1:9000/x/api', '/Agent/me'],
		[B2bZoomInfoJwtApi, 'http://127.0.0.1:9000/x', '/lookup/usage'],
		[B2bThrioApi, 'http://127.0.0.1:9000/thrio-login', '/data/api/types/contact'],
		[B2bGoHighLevelSessionApi, 'http://127.0.0.1:9000/x', '/locations/loc-sandbox-1'],
		[B2bGoHighLevelApi, 'http://127.0.0.1:9000/x', '/locations/loc-sandbox-1'],
		[B2bApolloApi, 'http://127.0.0.1:9000/x', '/auth/health'],
		[B2bHunterApi, 'http://127.0.0.1:9000/x', '/account'],
		[B2bUpLeadApi, 'http://127.0.0.1:9000/x', '/credits'],
	])('%p', (Credential, baseURL, url) => {
		const request = new Credential().test?.request;
		expect(resolve(request?.baseURL, data)).toBe(baseURL);
		expect(resolve(request?.url, data)).toBe(url);
	});

	it('fails the Apollo test when Apollo says the key is not logged in', () => {
		expect(new B2bApolloApi().test.rules).toEqual([
			expect.objectContaining({
				type: 'responseSuccessBody',
				properties: expect.objectContaining({ key: 'is_logged_in', value: false }),
			}),
		]);
	});

	it('asks Thrio for a single contact', () => {
		expect(new B2bThrioApi().test.request.qs).toEqual({ rows: 1 });
	});
});
