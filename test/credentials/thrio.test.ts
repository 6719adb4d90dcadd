import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { B2bThrioApi } from '../../credentials/B2bThrioApi.credentials';
import { applyThrioAuthentication, basicAuthorization, normalizeThrioLocation, thrioLoginErrorCode } from '../../lib/auth/thrio';
import { errorText, failWith, fakeHttp, rejectionOf } from './fakeHttp';

const credential = new B2bThrioApi();
const PASSWORD = 'thrio-password-0001';
const CREDENTIALS: ICredentialDataDecryptedObject = {
	loginUrl: 'http://127.0.0.1:9000/thrio-login/',
	username: 'thrio-user@example.com',
	password: PASSWORD,
	apiBaseUrl: '',
	authorizationPrefix: 'none',
	token: '',
	location: '',
};

describe('normalizeThrioLocation', () => {
	it.each([
		['abc.thrio.io', 'https://abc.thrio.io'],
		['abc.thrio.io/', 'https://abc.thrio.io'],
		['https://abc.thrio.io/', 'https://abc.thrio.io'],
		['  https://abc.thrio.io//  ', 'https://abc.thrio.io'],
		['http://127.0.0.1:9000/thrio-cluster', 'http://127.0.0.1:9000/thrio-cluster'],
		['', ''],
		['   ', ''],
	])('%j -> %j', (location, expected) => {
		expect(normalizeThrioLocation(location)).toBe(expected);
	});
});

describe('thrioLoginErrorCode', () => {
	it.each([
		[{ status: 401 }, 'INVALID_THRIO_CREDENTIALS'],
		[{ status: 403 }, 'INVALID_THRIO_CREDENTIALS'],
		[{ status: 500 }, 'SERVICE_UNAVAILABLE'],
		[{ status: 503 }, 'SERVICE_UNAVAILABLE'],
		[{ networkCode: 'ECONNABORTED' }, 'SERVICE_UNAVAILABLE'],
		[{ networkCode: 'ECONNREFUSED' }, 'SERVICE_UNAVAILABLE'],
		[{ status: 400 }, 'AUTHENTICATION_FAILED'],
		[{ status: 404 }, 'AUTHENTICATION_FAILED'],
		[{ status: 429 }, 'AUTHENTICATION_FAILED'],
		[{}, 'AUTHENTICATION_FAILED'],
	])('%j -> %s', (failure, code) => {
		expect(thrioLoginErrorCode(failure)).toBe(code);
	});
});

describe('Thrio authenticate', () => {
	const loggedIn = { ...CREDENTIALS, token: 'jwt-1', location: 'https://c1.thrio.io' };

	it('sends the raw token and points the request at the tenant host', async () => {
		const options = await credential.authenticate(loggedIn, {
			url: '/data/api/types/contact',
			baseURL: 'https://login.thrio.com',
			headers: { Accept: 'application/json' },
		});
		expect(options).toEqual({
			url: '/data/api/types/contact',
			baseURL: 'https://c1.thrio.io',
			headers: { Accept: 'application/json', Authorization: 'jwt-1' },
		});
	});

	it('adds Bearer when asked to', async () => {
		const options = await credential.authenticate({ ...loggedIn, authorizationPrefix: 'bearer' }, { url: '/x' });
		expect(options.headers).toEqual({ Authorization: 'Bearer jwt-1' });
	});

	it('prefers the API Base URL override, normalized', async () => {
		const options = await credential.authenticate({ ...loggedIn, apiBaseUrl: 'eu.thrio.io/' }, { url: '/x' });
		expect(options.baseURL).toBe('https://eu.thrio.io');
	});

	it('leaves the base URL alone when no host is known', () => {
		expect(applyThrioAuthentication({ token: 't' }, { url: '/x', baseURL: 'https://keep' }).baseURL).toBe('https://keep');
	});
});

describe('Thrio preAuthentication', () => {
	it('logs in with GET + Basic and returns the token and the normalized location', async () => {
		const { helper, calls } = fakeHttp(() => ({ token: 'jwt-1', location: 'c1.thrio.io/' }));
		await expect(credential.preAuthentication.call(helper, CREDENTIALS)).resolves.toEqual({
			token: 'jwt-1',
			location: 'https://c1.thrio.io',
		});
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			method: 'GET',
			url: 'http://127.0.0.1:9000/thrio-login/provider/token-with-authorities',
			headers: { Authorization: basicAuthorization('thrio-user@example.com', PASSWORD) },
		});
		expect(calls[0].headers?.Authorization).toBe(`Basic ${Buffer.from(`thrio-user@example.com:${PASSWORD}`).toString('base64')}`);
	});

	it('accepts a login without location when the API Base URL is set', async () => {
		const { helper } = fakeHttp(() => ({ token: 'jwt-1' }));
		await expect(credential.preAuthentication.call(helper, { ...CREDENTIALS, apiBaseUrl: 'https://c9.thrio.io' })).resolves.toEqual({
			token: 'jwt-1',
			location: '',
		});
	});

	it('refuses a login without location when nothing else names the API host', async () => {
		const { helper } = fakeHttp(() => ({ token: 'jwt-1' }));
		const error = await rejectionOf(credential.preAuthentication.call(helper, CREDENTIALS));
		expect(error.code).toBe('AUTHENTICATION_FAILED');
		expect(error.message).toMatch(/^AUTHENTICATION_FAILED: .*API Base URL/);
	});

	it.each([
		[{ status: 401 }, 'INVALID_THRIO_CREDENTIALS', '401'],
		[{ status: 403 }, 'INVALID_THRIO_CREDENTIALS', '403'],
		[{ status: 503 }, 'SERVICE_UNAVAILABLE', '503'],
		[{ code: 'ECONNABORTED' }, 'SERVICE_UNAVAILABLE', undefined],
		[{ code: 'ECONNREFUSED' }, 'SERVICE_UNAVAILABLE', undefined],
		[{ status: 400 }, 'AUTHENTICATION_FAILED', '400'],
	])('turns %j into %s without leaking the password', async (outcome, code, httpCode) => {
		const { helper } = fakeHttp(failWith(outcome));
		const error = await rejectionOf(credential.preAuthentication.call(helper, CREDENTIALS));
		expect(error.code).toBe(code);
		expect(error.httpCode).toBe(httpCode);
		expect(error.message.startsWith(`${code}: Thrio login failed`)).toBe(true);
		const basic = Buffer.from(`thrio-user@example.com:${PASSWORD}`).toString('base64');
		expect(errorText(error)).not.toContain(PASSWORD);
		expect(errorText(error)).not.toContain(basic);
	});

	it('reports NO_ACCESS_TOKEN for a 2xx without token', async () => {
		const { helper } = fakeHttp(() => ({ location: 'c1.thrio.io' }));
		const error = await rejectionOf(credential.preAuthentication.call(helper, CREDENTIALS));
		expect(error.code).toBe('NO_ACCESS_TOKEN');
		expect(error.message).toBe('NO_ACCESS_TOKEN: Thrio login answered without "token"; check that the Login URL points at the Thrio API.');
	});
});
