import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { B2bGoHighLevelSessionApi } from '../../credentials/B2bGoHighLevelSessionApi.credentials';
import { chooseSessionToken, tokenFingerprint } from '../../lib/auth/goHighLevelSession';
import { errorText, failWith, fakeHttp, rejectionOf } from './fakeHttp';

const credential = new B2bGoHighLevelSessionApi();
const PASSWORD = 'ghl-password-0001';
const BASE: ICredentialDataDecryptedObject = {
	baseUrl: 'http://127.0.0.1:9000/ghl',
	tokenId: 'pasted-1',
	apiVersion: '1.0',
	locationId: 'loc-sandbox-1',
	email: '',
	password: '',
	loginUrl: 'http://127.0.0.1:9000/ghl-app/',
	sessionToken: '',
	sessionSource: '',
};
const WITH_LOGIN = { ...BASE, email: 'ghl-owner@example.com', password: PASSWORD };

describe('tokenFingerprint', () => {
	it('is the hex SHA-256 of the trimmed token', () => {
		expect(tokenFingerprint(' abc\n')).toBe(createHash('sha256').update('abc').digest('hex'));
		expect(tokenFingerprint('abc')).toMatch(/^[0-9a-f]{64}$/);
		expect(tokenFingerprint('abc')).not.toBe(tokenFingerprint('abd'));
	});
});

describe('chooseSessionToken', () => {
	const source = tokenFingerprint('pasted-1');

	it('uses the session that descends from the pasted token', () => {
		expect(chooseSessionToken({ tokenId: 'pasted-1', sessionToken: 'session-9', sessionSource: source })).toBe('session-9');
	});

	it('lets a newly pasted token win over an older session', () => {
		expect(chooseSessionToken({ tokenId: 'pasted-2', sessionToken: 'session-9', sessionSource: source })).toBe('pasted-2');
	});

	it('uses the pasted token while there is no session', () => {
		expect(chooseSessionToken({ tokenId: 'pasted-1', sessionToken: '', sessionSource: source })).toBe('pasted-1');
		expect(chooseSessionToken({ tokenId: 'pasted-1', sessionToken: '', sessionSource: '' })).toBe('pasted-1');
	});

	it('keeps a service-account session when no token was pasted', () => {
		expect(chooseSessionToken({ tokenId: '', sessionToken: 'session-9', sessionSource: tokenFingerprint('') })).toBe('session-9');
	});
});

describe('GoHighLevel session authenticate', () => {
	it('sends the chosen token and the version header', async () => {
		const options = await credential.authenticate(
			{ ...BASE, sessionToken: 'session-9', sessionSource: tokenFingerprint('pasted-1') },
			{ url: '/contacts/', headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toEqual({ Accept: 'application/json', 'token-id': 'session-9', version: '1.0' });
	});

	it('switches to a newly pasted Token ID at once', async () => {
		const options = await credential.authenticate(
			{ ...BASE, tokenId: 'pasted-2', sessionToken: 'session-9', sessionSource: tokenFingerprint('pasted-1') },
			{ url: '/contacts/' },
		);
		expect(options.headers).toMatchObject({ 'token-id': 'pasted-2' });
	});
});

describe('GoHighLevel session preAuthentication', () => {
	// Renewals of one token are shared for a minute across the process (see lib/auth/single-flight),
	// so each test pastes a token of its own, as separate sessions would.
	it('renews the session with the token in use', async () => {
		const { helper, calls } = fakeHttp(() => ({ tokenId: 'session-1' }));
		await expect(credential.preAuthentication.call(helper, { ...BASE, tokenId: 'pasted-t1' })).resolves.toEqual({
			sessionToken: 'session-1',
			sessionSource: tokenFingerprint('pasted-t1'),
		});
		expect(calls[0]).toMatchObject({
			method: 'POST',
			url: 'http://127.0.0.1:9000/ghl/token/update',
			headers: { 'token-id': 'pasted-t1', version: '1.0' },
		});
	});

	it('renews from the cached session, not from the pasted token it came from', async () => {
		const { helper, calls } = fakeHttp(() => ({ tokenId: 'session-2' }));
		const cached = { ...BASE, tokenId: 'pasted-t2', sessionToken: 'session-1', sessionSource: tokenFingerprint('pasted-t2') };
		await expect(credential.preAuthentication.call(helper, cached)).resolves.toMatchObject({
			sessionToken: 'session-2',
		});
		expect(calls[0].headers).toMatchObject({ 'token-id': 'session-1' });
	});

	it('logs in as the service account when the renewal is refused', async () => {
		const { helper, calls } = fakeHttp(failWith({ status: 401 }), () => ({ token: 'session-login' }));
		await expect(credential.preAuthentication.call(helper, { ...WITH_LOGIN, tokenId: 'pasted-t3' })).resolves.toEqual({
			sessionToken: 'session-login',
			sessionSource: tokenFingerprint('pasted-t3'),
		});
		expect(calls[1]).toMatchObject({
			method: 'POST',
			url: 'http://127.0.0.1:9000/ghl-app/login',
			body: { email: 'ghl-owner@example.com', password: PASSWORD },
		});
	});

	it('logs in straight away when no token was pasted', async () => {
		const { helper, calls } = fakeHttp(() => ({ token: 'session-login' }));
		await expect(credential.preAuthentication.call(helper, { ...WITH_LOGIN, tokenId: '' })).resolves.toEqual({
			sessionToken: 'session-login',
			sessionSource: tokenFingerprint(''),
		});
		expect(calls).toHaveLength(1);
	});

	it('also logs in when the renewal answers without a token', async () => {
		const { helper } = fakeHttp(
			() => ({}),
			() => ({ token: 'session-login' }),
		);
		await expect(credential.preAuthentication.call(helper, { ...WITH_LOGIN, tokenId: 'pasted-t5' })).resolves.toMatchObject({
			sessionToken: 'session-login',
		});
	});

	it('asks for a new Token ID when the session is dead and no login is set', async () => {
		const { helper } = fakeHttp(failWith({ status: 401 }));
		const error = await rejectionOf(credential.preAuthentication.call(helper, { ...BASE, tokenId: 'pasted-t6' }));
		expect(error.message).toBe(
			'GoHighLevel session expired: paste a new Token ID into the credential (or set Email and Password for automatic re-login).',
		);
		expect(error.httpCode).toBe('401');
	});

	it('asks for a Token ID or a login when the credential has neither', async () => {
		const { helper, calls } = fakeHttp();
		const error = await rejectionOf(credential.preAuthentication.call(helper, { ...BASE, tokenId: '' }));
		expect(error.message).toMatch(/^GoHighLevel session expired/);
		expect(calls).toHaveLength(0);
	});

	it('reports an unavailable backend as such rather than as an expired session', async () => {
		const { helper } = fakeHttp(failWith({ status: 503 }));
		const error = await rejectionOf(credential.preAuthentication.call(helper, { ...BASE, tokenId: 'pasted-t8' }));
		expect(error.message).toBe('GoHighLevel token refresh failed (HTTP 503): the service is unavailable; try again later.');
	});

	it('never leaks the password or the tokens when the login fails', async () => {
		const { helper } = fakeHttp(failWith({ status: 401 }), failWith({ status: 401 }));
		const error = await rejectionOf(credential.preAuthentication.call(helper, { ...WITH_LOGIN, tokenId: 'pasted-t9' }));
		expect(error.message).toBe('GoHighLevel login failed (HTTP 401): check Email and Password.');
		expect(errorText(error)).not.toContain(PASSWORD);
		expect(errorText(error)).not.toContain('pasted-t9');
	});
});
