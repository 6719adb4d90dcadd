import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { goHighLevelSessionProfile, goHighLevelV2Profile } from '../../lib/destinations/goHighLevel/profile';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { credentialFlow, exposed, failureOf, useSandbox } from './flow';
import type { Flow } from './flow';

const { email, password, locationId, privateIntegrationToken } = SANDBOX_CREDENTIALS.goHighLevel;
const sandbox = useSandbox();
const location = { method: 'GET', path: `/locations/${locationId}` };
const SESSION_EXPIRED = 'GoHighLevel session expired: paste a new Token ID';

/** Computed here rather than imported, so a change to the credential's tagging shows up. */
const fingerprint = (token: string) => createHash('sha256').update(token).digest('hex');

function sessionFlow(overrides: ICredentialDataDecryptedObject = {}): Flow {
	return credentialFlow(goHighLevelSessionProfile, {
		baseUrl: sandbox().baseUrl('goHighLevelSession'),
		tokenId: sandbox().issueGoHighLevelSession(),
		locationId,
		...overrides,
	});
}

function serviceAccount(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { email, password, loginUrl: sandbox().baseUrl('goHighLevelLogin'), ...overrides };
}

const sessionCalls = () => sandbox().requests({ api: 'goHighLevelSession', pathIncludes: '/locations/' });
const renewals = () => sandbox().requests({ api: 'goHighLevelSession', method: 'POST', pathIncludes: '/token/update' });
const logins = () => sandbox().requests({ api: 'goHighLevelLogin', method: 'POST', pathIncludes: '/login' });
const v2Calls = () => sandbox().requests({ api: 'goHighLevelV2', pathIncludes: '/locations/' });

describe('GoHighLevel session credential', () => {
	it('renews the pasted token, sends token-id and version, and persists the session with its source', async () => {
		const flow = sessionFlow();
		const pasted = flow.stored().tokenId as string;
		const [result] = await flow.run([location]);
		expect(result.json).toMatchObject({ status: 200, body: { location: { id: locationId } } });

		expect(renewals()).toHaveLength(1);
		expect(renewals()[0].headers['token-id']).toBe(pasted);
		const session = flow.stored().sessionToken as string;
		expect(session).toEqual(expect.any(String));
		expect(session).not.toBe(pasted);
		expect(flow.stored().sessionSource).toBe(fingerprint(pasted));
		expect(flow.helper.writes).toHaveLength(1);
		expect(flow.helper.writes[0]).toMatchObject({
			kind: 'preAuthentication',
			data: { sessionToken: session, sessionSource: fingerprint(pasted) },
		});

		expect(sessionCalls()).toHaveLength(1);
		expect(sessionCalls()[0].headers).toMatchObject({ 'token-id': session, version: '1.0' });

		await flow.run([location]);
		expect(renewals()).toHaveLength(1);
		expect(sessionCalls()[1].headers['token-id']).toBe(session);
	});

	it('renews an expired session with /token/update and repeats the request', async () => {
		const flow = sessionFlow();
		await flow.run([location]);
		const expired = flow.stored().sessionToken as string;
		sandbox().expireTokens('goHighLevel');

		const [result] = await flow.run([location]);
		expect(result.json.status).toBe(200);
		expect(renewals()).toHaveLength(2);
		expect(renewals()[1].headers['token-id']).toBe(expired);
		expect(sessionCalls().map((call) => call.status)).toEqual([200, 401, 200]);
		expect(flow.stored().sessionToken).not.toBe(expired);
		expect(sessionCalls()[2].headers['token-id']).toBe(flow.stored().sessionToken);
		expect(logins()).toHaveLength(0);
	});

	it('asks for a new Token ID when the session is revoked and there is no service account', async () => {
		const flow = sessionFlow();
		await flow.run([location]);
		sandbox().revokeTokens('goHighLevel');

		const error = await failureOf(flow.run([location]));
		expect(error.message).toContain(SESSION_EXPIRED);
		expect(error.kind).toBe('auth');
		expect(logins()).toHaveLength(0);
	});

	it('logs in as the service account when the session is revoked', async () => {
		const flow = sessionFlow(serviceAccount());
		await flow.run([location]);
		sandbox().revokeTokens('goHighLevel');

		const [result] = await flow.run([location]);
		expect(result.json.status).toBe(200);
		expect(logins()).toHaveLength(1);
		expect(logins()[0].body).toEqual({ email, password });
		expect(logins()[0].status).toBe(200);
		expect(sessionCalls().map((call) => call.status)).toEqual([200, 401, 200]);
		expect(sessionCalls()[2].headers['token-id']).toBe(flow.stored().sessionToken);
	});

	it('uses a newly pasted Token ID instead of the session cached from the old one', async () => {
		const flow = sessionFlow();
		await flow.run([location]);
		const oldSession = flow.stored().sessionToken as string;
		sandbox().revokeTokens('goHighLevel');
		const pasted = sandbox().issueGoHighLevelSession();
		flow.helper.stored(flow.credentialId).data.tokenId = pasted;

		const [result] = await flow.run([location]);
		expect(result.json.status).toBe(200);
		expect(sessionCalls().map((call) => call.headers['token-id'])).toEqual([oldSession, pasted]);
		expect(sessionCalls()[1].status).toBe(200);

		// When that one expires, the renewal starts from the new paste and the session is re-tagged.
		sandbox().expireTokens('goHighLevel');
		const [later] = await flow.run([location]);
		expect(later.json.status).toBe(200);
		expect(renewals().at(-1)?.headers['token-id']).toBe(pasted);
		expect(flow.stored().sessionSource).toBe(fingerprint(pasted));
	});

	it('reports a refused service-account login without the password', async () => {
		const wrong = 'wrong-ghl-password-5521';
		const flow = sessionFlow(serviceAccount({ password: wrong }));
		await flow.run([location]);
		sandbox().revokeTokens('goHighLevel');

		const error = await failureOf(flow.run([location]));
		expect(`${error.message} ${(error as { description?: string }).description}`).toMatch(
			/GoHighLevel login failed \(HTTP 401\): check Email and Password/,
		);
		expect(error.kind).toBe('auth');
		expect(logins().map((login) => login.status)).toEqual([401]);
		const tested = await flow.test();
		expect(tested.status).toBe('Error');
		expect(exposed(error, tested)).not.toContain(wrong);
	});

	// /token/update revokes the token it renews, and n8n renews once per request that saw the 401:
	// requests in flight together must share one renewal.
	it('renews once for a batch sent at once on a freshly pasted Token ID', async () => {
		const results = await sessionFlow().run([location, location, location], true);
		expect(results.map((item) => item.json.status)).toEqual([200, 200, 200]);
	});

	it('renews once when the session expires under a batch', async () => {
		const flow = sessionFlow();
		await flow.run([location]);
		sandbox().expireTokens('goHighLevel');
		const results = await flow.run([location, location, location], true);
		expect(results.map((item) => item.json.status)).toEqual([200, 200, 200]);
	});

	it('passes "Test connection" with a fresh Token ID, and the run after it uses the session it kept', async () => {
		const flow = sessionFlow();
		expect(await flow.test()).toEqual({ status: 'OK', message: 'Connection successful!' });
		// The test's renewal revoked the pasted token, so the run only works with the session the test persisted.
		expect(renewals()).toHaveLength(1);
		const [result] = await flow.run([location]);
		expect(result.json.status).toBe(200);
		expect(renewals()).toHaveLength(1);
		expect(sessionCalls().at(-1)?.headers['token-id']).toBe(flow.stored().sessionToken);
	});

	it('fails "Test connection" with a garbage Token ID and no service account', async () => {
		const garbage = 'garbage-token-id-not-from-ghl';
		const tested = await sessionFlow({ tokenId: garbage }).test();
		expect(tested.status).toBe('Error');
		expect(exposed(tested)).not.toContain(garbage);
		expect(sessionCalls()).toHaveLength(0);
	});
});

describe('GoHighLevel v2 credential (Private Integration Token)', () => {
	function v2Flow(overrides: ICredentialDataDecryptedObject = {}): Flow {
		return credentialFlow(goHighLevelV2Profile, {
			baseUrl: sandbox().baseUrl('goHighLevelV2'),
			privateIntegrationToken,
			locationId,
			apiVersion: '2021-07-28',
			...overrides,
		});
	}

	it('sends Authorization: Bearer and Version', async () => {
		const [result] = await v2Flow().run([location]);
		expect(result.json).toMatchObject({ status: 200, body: { location: { id: locationId } } });
		expect(v2Calls()).toHaveLength(1);
		expect(v2Calls()[0].headers).toMatchObject({ authorization: `Bearer ${privateIntegrationToken}`, version: '2021-07-28' });
	});

	it('fails with kind auth for a wrong token, without the token', async () => {
		const wrong = 'pit-wrong-token-9034';
		const error = await failureOf(v2Flow({ privateIntegrationToken: wrong }).run([location]));
		expect(error.kind).toBe('auth');
		expect(error.message).toMatch(/^GoHighLevel: /);
		expect(exposed(error)).not.toContain(wrong);
	});

	it('passes "Test connection" with the right token and fails it with a wrong one', async () => {
		expect(await v2Flow().test()).toEqual({ status: 'OK', message: 'Connection successful!' });
		const wrong = 'pit-wrong-token-9034';
		const tested = await v2Flow({ privateIntegrationToken: wrong }).test();
		expect(tested.status).toBe('Error');
		expect(exposed(tested)).not.toContain(wrong);
	});
});
