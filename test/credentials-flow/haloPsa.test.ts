import { createHash, randomBytes } from 'node:crypto';

import { ClientOAuth2 } from '@n8n/client-oauth2';
import axios from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { haloPsaProfile } from '../../lib/destinations/haloPsa/profile';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { credentialFlow, exposed, failureOf, useSandbox } from './flow';
import type { Flow } from './flow';

const { clientId, clientSecret, tenant } = SANDBOX_CREDENTIALS.haloPsa;
const TYPE = haloPsaProfile.credentialType;
/** n8n's OAuth callback as the editor registers it; the sandbox only needs it to be absolute. */
const REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';
const sandbox = useSandbox();
const me = { method: 'GET', path: '/Agent/me' };

function hostedFlow(overrides: ICredentialDataDecryptedObject = {}): Flow {
	return credentialFlow(haloPsaProfile, {
		grantType: 'clientCredentials',
		hostingType: 'hosted',
		baseUrl: sandbox().baseUrl('haloPsa'),
		tenant,
		clientId,
		clientSecret,
		scope: 'all',
		...overrides,
	});
}

const tokenRequests = () => sandbox().requests({ provider: 'haloPsa', method: 'POST', pathIncludes: '/auth/token' });
const agentCalls = () => sandbox().requests({ provider: 'haloPsa', pathIncludes: '/api/Agent/me' });
const tokenData = (flow: Flow) => flow.stored().oauthTokenData as { access_token: string; refresh_token?: string };

describe('HaloPSA OAuth2 credential, client credentials', () => {
	it('fetches one token on the hosted tenant URL, persists it, and reuses it on the next run', async () => {
		const flow = hostedFlow();
		const [first] = await flow.run([me]);
		expect(first.json).toMatchObject({ status: 200, body: { id: 1, isapiagent: true } });

		expect(tokenRequests()).toHaveLength(1);
		const [token] = tokenRequests();
		expect(token.api).toBe('haloPsa');
		expect(token.query).toEqual({ tenant });
		expect(token.body).toMatchObject({ grant_type: 'client_credentials', client_id: clientId, scope: 'all' });

		const persisted = flow.helper.writes.filter((write) => write.kind === 'oauthTokenData');
		expect(persisted).toHaveLength(1);
		const accessToken = tokenData(flow).access_token;
		expect(accessToken).toEqual(expect.any(String));
		expect(agentCalls()[0].headers.authorization).toBe(`Bearer ${accessToken}`);

		const [second] = await flow.run([me]);
		expect(second.json.status).toBe(200);
		expect(tokenRequests()).toHaveLength(1);
		expect(agentCalls().map((call) => call.headers.authorization)).toEqual([`Bearer ${accessToken}`, `Bearer ${accessToken}`]);
	});

	it('fetches a new token when the stored one expires, and retries the call once', async () => {
		const flow = hostedFlow();
		await flow.run([me]);
		const expired = tokenData(flow).access_token;
		sandbox().expireTokens('haloPsa');

		const [result] = await flow.run([me]);
		expect(result.json.status).toBe(200);
		expect(tokenRequests()).toHaveLength(2);
		expect(tokenRequests()[1].body).toMatchObject({ grant_type: 'client_credentials' });
		expect(agentCalls().map((call) => call.status)).toEqual([200, 401, 200]);
		expect(tokenData(flow).access_token).not.toBe(expired);
		expect(flow.helper.writes.filter((write) => write.kind === 'oauthTokenData')).toHaveLength(2);
		expect(agentCalls()[2].headers.authorization).toBe(`Bearer ${tokenData(flow).access_token}`);
	});

	it('fails with a HaloPSA error that does not contain the secret when the client secret is wrong', async () => {
		const wrong = 'wrong-halo-secret-7781';
		const flow = hostedFlow({ clientSecret: wrong });
		const error = await failureOf(flow.run([me]));
		expect(error.message).toMatch(/^HaloPSA: /);
		expect(exposed(error)).not.toContain(wrong);
		expect(flow.helper.writes).toHaveLength(0);
		expect(agentCalls()).toHaveLength(0);

		const tested = await flow.test();
		expect(tested.status).toBe('Error');
		expect(exposed(tested)).not.toContain(wrong);
	});

	// The token endpoint's `invalid_client` arrives as n8n's OAuth2 client error (code EAUTH, no
	// HTTP status); it must read as a refused credential, not a network failure to retry.
	it('treats a refused client secret as an auth failure and does not retry it', async () => {
		const error = await failureOf(hostedFlow({ clientSecret: 'wrong-halo-secret-7781' }).run([me]));
		expect(error.kind).toBe('auth');
		expect(tokenRequests()).toHaveLength(1);
	});

	it('works on-premise and sends no tenant on the token request', async () => {
		const flow = credentialFlow(haloPsaProfile, {
			grantType: 'clientCredentials',
			hostingType: 'onPremise',
			baseUrl: sandbox().baseUrl('haloPsaOnPremise'),
			clientId,
			clientSecret,
			scope: 'all',
		});
		const [result] = await flow.run([me]);
		expect(result.json.status).toBe(200);
		expect(tokenRequests()).toHaveLength(1);
		expect(tokenRequests()[0].api).toBe('haloPsaOnPremise');
		expect(tokenRequests()[0].query).toEqual({});
		expect(await flow.test()).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('sends no tenant on-premise even when one is left over from the hosted setting', async () => {
		// The editor hides Tenant for on-premise but keeps what was typed before the switch.
		const flow = credentialFlow(haloPsaProfile, {
			grantType: 'clientCredentials',
			hostingType: 'onPremise',
			baseUrl: sandbox().baseUrl('haloPsaOnPremise'),
			tenant,
			clientId,
			clientSecret,
		});
		await flow.run([me]);
		expect(tokenRequests()[0].query).toEqual({});
	});

	it('sends the token request to the authorization server override', async () => {
		// Same sandbox auth server reached through the other prefix, so the log tells which URL was used.
		const authServerUrl = `${sandbox().baseUrl('haloPsaOnPremise')}/auth/`;
		const flow = hostedFlow({ authServerUrl });
		const resolved = flow.helper.applyDefaults(flow.stored(), TYPE);
		expect(resolved.accessTokenUrl).toBe(`${sandbox().baseUrl('haloPsaOnPremise')}/auth/token?tenant=${tenant}`);
		expect(resolved.authUrl).toBe(`${sandbox().baseUrl('haloPsaOnPremise')}/auth/authorize?tenant=${tenant}`);

		const [result] = await flow.run([me]);
		expect(result.json.status).toBe(200);
		expect(tokenRequests()).toHaveLength(1);
		expect(tokenRequests()[0].api).toBe('haloPsaOnPremise');
		expect(tokenRequests()[0].query).toEqual({ tenant });
		expect(agentCalls()[0].api).toBe('haloPsa');
	});

	it('passes "Test connection"', async () => {
		expect(await hostedFlow().test()).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});

describe('HaloPSA OAuth2 credential, authorization code with PKCE', () => {
	interface Authorization {
		flow: Flow;
		client: ClientOAuth2;
		callbackUrl: string;
		verifier: string;
	}

	/**
	 * What n8n's OAuth2 controller does when the user clicks "Connect": the authorize URL from the
	 * credential's resolved `authUrl`, with an S256 challenge in the query; then the browser's visit,
	 * whose consent the sandbox grants at once with a redirect to the callback.
	 */
	async function authorize(): Promise<Authorization> {
		const flow = hostedFlow({ grantType: 'pkce', clientSecret: '' });
		const resolved = flow.helper.applyDefaults(flow.stored(), TYPE);
		const client = new ClientOAuth2({
			clientId,
			clientSecret: resolved.clientSecret as string,
			authorizationUri: resolved.authUrl as string,
			accessTokenUri: resolved.accessTokenUrl as string,
			redirectUri: REDIRECT_URI,
			scopes: ['all'],
			state: 'n8n-state',
		});
		const verifier = randomBytes(32).toString('base64url');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		// Passed to getUri only: on the client options the query would also go on the token request.
		const authorizeUrl = client.code.getUri({ query: { code_challenge: challenge, code_challenge_method: 'S256' } });
		expect(authorizeUrl.startsWith(`${sandbox().baseUrl('haloPsa')}/auth/authorize?tenant=${tenant}&`)).toBe(true);

		const consent = await axios.get(authorizeUrl, { maxRedirects: 0, validateStatus: () => true });
		expect(consent.status).toBe(302);
		const location = new URL(String(consent.headers.location));
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
		expect(location.searchParams.get('code')).toEqual(expect.any(String));
		return { flow, client, callbackUrl: location.toString(), verifier };
	}

	/** n8n's callback: the code exchanged with the verifier, the token response stored as oauthTokenData. */
	async function connect(): Promise<{ flow: Flow; verifier: string }> {
		const { flow, client, callbackUrl, verifier } = await authorize();
		const token = await client.code.getToken(callbackUrl, { body: { code_verifier: verifier } });
		flow.helper.stored(flow.credentialId).data.oauthTokenData = token.data;
		return { flow, verifier };
	}

	it('exchanges the code with the verifier, then runs and refreshes with the refresh token', async () => {
		const { flow, verifier } = await connect();
		const exchange = tokenRequests()[0];
		expect(exchange.query).toEqual({ tenant });
		expect(exchange.body).toMatchObject({
			grant_type: 'authorization_code',
			client_id: clientId,
			code_verifier: verifier,
			redirect_uri: REDIRECT_URI,
		});
		expect(exchange.body).not.toHaveProperty('client_secret');

		const [first] = await flow.run([me]);
		// The code flow acts as the agent who signed in, not as the application's API agent.
		expect(first.json).toMatchObject({ status: 200, body: { id: 2 } });
		expect(tokenRequests()).toHaveLength(1);

		const { access_token: oldAccess, refresh_token: oldRefresh } = tokenData(flow);
		sandbox().expireTokens('haloPsa');
		const [second] = await flow.run([me]);
		expect(second.json).toMatchObject({ status: 200, body: { id: 2 } });
		expect(tokenRequests()).toHaveLength(2);
		expect(tokenRequests()[1].query).toEqual({ tenant });
		expect(tokenRequests()[1].body).toMatchObject({ grant_type: 'refresh_token', refresh_token: oldRefresh, client_id: clientId });
		expect(agentCalls().map((call) => call.status)).toEqual([200, 401, 200]);

		const refreshed = tokenData(flow);
		expect(refreshed.access_token).not.toBe(oldAccess);
		// The sandbox rotates refresh tokens; keeping the spent one would break the next refresh.
		expect(refreshed.refresh_token).not.toBe(oldRefresh);
		expect(flow.helper.writes.filter((write) => write.kind === 'oauthTokenData')).toHaveLength(1);
	});

	it('refreshes once for a batch whose token expires while it is in flight', async () => {
		// Refresh tokens rotate, so a second refresh with the same one would be refused.
		const { flow } = await connect();
		await flow.run([me]);
		sandbox().expireTokens('haloPsa');
		const results = await flow.run([me, me, me]);
		expect(results.map((item) => item.json.status)).toEqual([200, 200, 200]);
		expect(tokenRequests().map((request) => (request.body as { grant_type: string }).grant_type)).toEqual([
			'authorization_code',
			'refresh_token',
		]);
	});

	it('is refused by the authorization server with the wrong verifier', async () => {
		const { client, callbackUrl } = await authorize();
		const wrongVerifier = randomBytes(32).toString('base64url');
		await expect(client.code.getToken(callbackUrl, { body: { code_verifier: wrongVerifier } })).rejects.toMatchObject({
			body: { error: 'invalid_grant', error_description: expect.stringMatching(/code_verifier/) },
		});
		expect(tokenRequests().map((request) => request.status)).toEqual([400]);
	});
});
