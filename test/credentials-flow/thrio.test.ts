import { thrioProfile } from '../../lib/destinations/thrio/profile';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { credentialFlow, exposed, failureOf, useSandbox } from './flow';

const { username, password } = SANDBOX_CREDENTIALS.thrio;
const sandbox = useSandbox();
const contacts = { method: 'GET', path: '/data/api/types/contact', qs: { rows: 5 } };

function thrioFlow(overrides: Record<string, string> = {}) {
	return credentialFlow(thrioProfile, { loginUrl: sandbox().baseUrl('thrioLogin'), username, password, ...overrides });
}

const logins = () => sandbox().requests({ provider: 'thrio', pathIncludes: 'token-with-authorities' });

describe('Thrio credential', () => {
	it('logs in with HTTP Basic and sends API calls to the location the login returned', async () => {
		const flow = thrioFlow();
		const [result] = await flow.run([contacts]);
		expect(result.json.status).toBe(200);
		expect(logins()).toHaveLength(1);
		expect(logins()[0].method).toBe('GET');
		expect(logins()[0].headers.authorization).toBe(`Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`);
		expect(flow.stored().location).toBe(sandbox().baseUrl('thrioCluster'));
		const call = sandbox().requests({ provider: 'thrio', pathIncludes: '/data/api/types/contact' })[0];
		expect(call.headers.authorization).toBe(flow.stored().token);
	});

	it('sends "Bearer <token>" when the credential asks for it', async () => {
		const flow = thrioFlow({ authorizationPrefix: 'bearer' });
		await flow.run([contacts]);
		expect(sandbox().requests({ provider: 'thrio', pathIncludes: '/data/api/types/contact' })[0].headers.authorization).toBe(
			`Bearer ${flow.stored().token}`,
		);
	});

	it('logs in again when the token expires mid-run, and the run goes on', async () => {
		const flow = thrioFlow();
		await flow.run([contacts]);
		sandbox().expireTokens('thrio');
		const results = await flow.run([contacts, contacts]);
		expect(results.map((item) => item.json.status)).toEqual([200, 200]);
		// Both items were in flight when the token died; n8n renews once per request that saw the 401.
		expect(logins()).toHaveLength(3);
	});

	it('honours an API base URL override instead of the login location', async () => {
		const flow = thrioFlow({ apiBaseUrl: `${sandbox().baseUrl('thrioCluster')}/` });
		await flow.run([contacts]);
		expect(sandbox().requests({ provider: 'thrio', pathIncludes: '/data/api/types/contact' })).toHaveLength(1);
	});

	it('reports INVALID_THRIO_CREDENTIALS for a wrong password, without the password', async () => {
		const wrong = 'wrong-thrio-password-42';
		const flow = thrioFlow({ password: wrong });
		const error = await failureOf(flow.run([contacts]));
		expect(error.message).toMatch(/INVALID_THRIO_CREDENTIALS/);
		expect(exposed(error)).not.toContain(wrong);
		expect(await flow.test()).toMatchObject({ status: 'Error' });
	});

	it('reports SERVICE_UNAVAILABLE when the login service is down', async () => {
		sandbox().configure({ thrio: { loginDown: true } });
		const error = await failureOf(thrioFlow().run([contacts]));
		expect(error.message).toMatch(/SERVICE_UNAVAILABLE/);
	});

	it('reports NO_ACCESS_TOKEN when the login answers without a token', async () => {
		// A login URL that answers 200 with JSON but is not Thrio's: the sandbox health route.
		const error = await failureOf(thrioFlow({ loginUrl: `${sandbox().url}/_sandbox/health#` }).run([contacts]));
		expect(error.message).toMatch(/NO_ACCESS_TOKEN|AUTHENTICATION_FAILED/);
	});

	it('passes "Test connection" with good values', async () => {
		expect(await thrioFlow().test()).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});
