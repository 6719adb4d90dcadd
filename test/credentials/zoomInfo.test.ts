import { generateKeyPairSync } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { B2bZoomInfoJwtApi } from '../../credentials/B2bZoomInfoJwtApi.credentials';
import { errorText, failWith, fakeHttp, rejectionOf } from './fakeHttp';
import { readJwt } from './jwtParts';

const credential = new B2bZoomInfoJwtApi();
const PASSWORD = 'zi-password-0001';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const PASSWORD_LOGIN: ICredentialDataDecryptedObject = {
	baseUrl: 'http://127.0.0.1:9000/zoominfo/',
	authMethod: 'password',
	username: 'zi-user@example.com',
	password: PASSWORD,
	jwt: '',
};
const PKI_LOGIN: ICredentialDataDecryptedObject = {
	baseUrl: 'http://127.0.0.1:9000/zoominfo',
	authMethod: 'pki',
	username: 'zi-user@example.com',
	clientId: 'zi-pki-client',
	privateKey: PEM,
	jwt: '',
};

describe('ZoomInfo preAuthentication with a password', () => {
	it('posts the username and password and keeps the JWT', async () => {
		const { helper, calls } = fakeHttp(() => ({ jwt: 'zi-jwt' }));
		await expect(credential.preAuthentication.call(helper, PASSWORD_LOGIN)).resolves.toEqual({ jwt: 'zi-jwt' });
		expect(calls[0]).toMatchObject({
			method: 'POST',
			url: 'http://127.0.0.1:9000/zoominfo/authenticate',
			body: { username: 'zi-user@example.com', password: PASSWORD },
		});
	});

	it('explains a wrong password without repeating it', async () => {
		const { helper } = fakeHttp(failWith({ status: 401 }));
		const error = await rejectionOf(credential.preAuthentication.call(helper, PASSWORD_LOGIN));
		expect(error.message).toBe('ZoomInfo login failed (HTTP 401): check Username and Password.');
		expect(error.httpCode).toBe('401');
		expect(errorText(error)).not.toContain(PASSWORD);
	});

	it('explains an answer without jwt', async () => {
		const { helper } = fakeHttp(() => ({ token: 'wrong-field' }));
		await expect(credential.preAuthentication.call(helper, PASSWORD_LOGIN)).rejects.toThrow(
			'ZoomInfo login answered without "jwt"; check that the Base URL points at the ZoomInfo API.',
		);
	});
});

describe('ZoomInfo preAuthentication with PKI', () => {
	it('sends a client JWT signed with the private key and keeps the answer', async () => {
		const { helper, calls } = fakeHttp(() => ({ jwt: 'zi-jwt' }));
		const before = Math.floor(Date.now() / 1000);
		await expect(credential.preAuthentication.call(helper, PKI_LOGIN)).resolves.toEqual({ jwt: 'zi-jwt' });

		expect(calls[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:9000/zoominfo/authenticate' });
		expect(calls[0].body).toBeUndefined();
		const authorization = String(calls[0].headers?.Authorization);
		expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
		const { claims, signatureValid } = readJwt(authorization.slice('Bearer '.length), publicKey);
		expect(signatureValid).toBe(true);
		expect(claims).toMatchObject({
			aud: 'enterprise_api',
			iss: 'api-client@zoominfo.com',
			username: 'zi-user@example.com',
			client_id: 'zi-pki-client',
		});
		expect(claims.iat).toBeGreaterThanOrEqual(before - 60);
		expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
	});

	it('names the key fields when ZoomInfo rejects the client JWT', async () => {
		const { helper } = fakeHttp(failWith({ status: 401 }));
		const error = await rejectionOf(credential.preAuthentication.call(helper, PKI_LOGIN));
		expect(error.message).toMatch(/^ZoomInfo login failed \(HTTP 401\): check Username, Client ID and/);
		expect(errorText(error)).not.toContain(PEM.split('\n')[1]);
	});

	it('explains an unreadable key without echoing it and without calling ZoomInfo', async () => {
		const { helper, calls } = fakeHttp();
		const garbage = '-----BEGIN PRIVATE KEY-----\nnot-really-a-key-0123456789\n-----END PRIVATE KEY-----';
		const error = await rejectionOf(credential.preAuthentication.call(helper, { ...PKI_LOGIN, privateKey: garbage }));
		expect(error.message).toMatch(/^ZoomInfo login failed: the Private Key could not be read/);
		expect(errorText(error)).not.toContain('not-really-a-key');
		expect(calls).toHaveLength(0);
	});
});
