import { zoomInfoProfile } from '../../lib/sources/zoomInfo/profile';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { credentialFlow, exposed, failureOf, useSandbox } from './flow';

const { username, password } = SANDBOX_CREDENTIALS.zoomInfo;
const sandbox = useSandbox();
const usage = { method: 'GET', path: '/lookup/usage' };

function passwordFlow(overrides: Record<string, string> = {}) {
	return credentialFlow(zoomInfoProfile, {
		baseUrl: sandbox().baseUrl('zoomInfo'),
		authMethod: 'password',
		username,
		password,
		...overrides,
	});
}

const logins = () => sandbox().requests({ provider: 'zoomInfo', pathIncludes: '/authenticate' });

describe('ZoomInfo JWT credential', () => {
	it('logs in once, keeps the JWT encrypted in the credential and reuses it', async () => {
		const flow = passwordFlow();
		const [first] = await flow.run([usage]);
		expect(first.json.status).toBe(200);
		expect(logins()).toHaveLength(1);
		expect(logins()[0].body).toEqual({ username, password });
		const jwt = flow.stored().jwt as string;
		expect(jwt.split('.')).toHaveLength(3);
		expect(sandbox().requests({ provider: 'zoomInfo', pathIncludes: '/lookup/usage' })[0].headers.authorization).toBe(`Bearer ${jwt}`);

		await flow.run([usage, usage]);
		expect(logins()).toHaveLength(1);
	});

	it('renews an expired JWT after the 401 and repeats the request once', async () => {
		const flow = passwordFlow();
		await flow.run([usage]);
		const firstJwt = flow.stored().jwt;
		sandbox().expireTokens('zoomInfo');

		const [result] = await flow.run([usage]);
		expect(result.json.status).toBe(200);
		expect(logins()).toHaveLength(2);
		expect(flow.stored().jwt).not.toBe(firstJwt);
		expect(
			sandbox()
				.requests({ provider: 'zoomInfo', pathIncludes: '/lookup/usage' })
				.map((entry) => entry.status),
		).toEqual([200, 401, 200]);
	});

	it('renews a JWT that stops working in the middle of a batch', async () => {
		sandbox().configure({ auth: { tokenMaxCalls: { zoomInfo: 3 } } });
		const flow = passwordFlow();
		const results = await flow.run(Array.from({ length: 7 }, () => usage));
		expect(results.map((item) => item.json.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
		expect(logins().length).toBeGreaterThanOrEqual(3);
	});

	it('refuses a wrong password with a clear error that does not contain it', async () => {
		const wrong = 'not-the-password-123';
		const flow = passwordFlow({ password: wrong });
		const error = await failureOf(flow.run([usage]));
		expect(error.message).toMatch(/ZoomInfo/);
		expect(`${error.message} ${(error as { description?: string }).description}`).toMatch(
			/login failed \(HTTP 401\).*check Username and Password/,
		);
		expect(exposed(error, flow.helper.writes)).not.toContain(wrong);
		expect(await flow.test()).toMatchObject({ status: 'Error' });
	});

	it('logs in with PKI: a client-signed RS256 JWT the sandbox verifies with the public key', async () => {
		const pki = sandbox().zoomInfoPki();
		const flow = credentialFlow(zoomInfoProfile, {
			baseUrl: sandbox().baseUrl('zoomInfo'),
			authMethod: 'pki',
			username: pki.username,
			clientId: pki.clientId,
			privateKey: pki.privateKeyPem,
		});
		const [result] = await flow.run([usage]);
		expect(result.json.status).toBe(200);
		const login = logins()[0];
		expect(login.headers.authorization).toMatch(/^Bearer eyJ/);
		expect(login.body).toBeFalsy();
		expect(await flow.test()).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('refuses a PKI key the sandbox does not know', async () => {
		const { generateKeyPairSync } = await import('node:crypto');
		const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const pki = sandbox().zoomInfoPki();
		const flow = credentialFlow(zoomInfoProfile, {
			baseUrl: sandbox().baseUrl('zoomInfo'),
			authMethod: 'pki',
			username: pki.username,
			clientId: pki.clientId,
			privateKey: stranger,
		});
		const error = await failureOf(flow.run([usage]));
		expect(error.kind).toBe('auth');
		expect(exposed(error)).not.toContain('PRIVATE KEY');
	});

	it('passes "Test connection" with good values', async () => {
		expect(await passwordFlow().test()).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});
