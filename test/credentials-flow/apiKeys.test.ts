import { apolloProfile } from '../../lib/sources/apollo/profile';
import { hunterProfile } from '../../lib/sources/hunter/profile';
import { upLeadProfile } from '../../lib/sources/upLead/profile';
import type { ProviderProfile } from '../../lib/transport';
import { APOLLO_RESTRICTED_KEY } from '../../sandbox/config';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { credentialFlow, exposed, failureOf, useSandbox } from './flow';

const sandbox = useSandbox();

interface Case {
	profile: ProviderProfile;
	api: 'apollo' | 'hunter' | 'upLead';
	apiKey: string;
	probe: { method: string; path: string; qs?: object };
	/** How the sandbox saw the key arrive; keys must never travel in a URL. */
	via: string;
	header: (key: string) => [string, string];
}

const cases: Case[] = [
	{
		profile: apolloProfile,
		api: 'apollo',
		apiKey: SANDBOX_CREDENTIALS.apollo.apiKey,
		probe: { method: 'GET', path: '/auth/health' },
		via: 'header:x-api-key',
		header: (key) => ['x-api-key', key],
	},
	{
		profile: hunterProfile,
		api: 'hunter',
		apiKey: SANDBOX_CREDENTIALS.hunter.apiKey,
		probe: { method: 'GET', path: '/account' },
		via: 'header:x-api-key',
		header: (key) => ['x-api-key', key],
	},
	{
		profile: upLeadProfile,
		api: 'upLead',
		apiKey: SANDBOX_CREDENTIALS.upLead.apiKey,
		probe: { method: 'GET', path: '/credits' },
		via: 'header:authorization',
		header: (key) => ['authorization', key],
	},
];

describe.each(cases)('$profile.name API key credential', ({ profile, api, apiKey, probe, via, header }) => {
	const flow = (key = apiKey) => credentialFlow(profile, { baseUrl: sandbox().baseUrl(api), apiKey: key });

	it('sends the key in its header, never in the URL', async () => {
		const [result] = await flow().run([probe]);
		expect(result.json.status).toBe(200);
		const [entry] = sandbox().requests({ provider: api });
		const [name, value] = header(apiKey);
		expect(entry.headers[name]).toBe(value);
		expect(entry.credentialVia).toBe(via);
		expect(JSON.stringify(entry.query)).not.toContain(apiKey);
	});

	it('fails a wrong key as an auth error that does not contain the key', async () => {
		const wrong = `${apiKey}-revoked-9`;
		const error = await failureOf(flow(wrong).run([probe]));
		expect(error.kind).toBe('auth');
		expect(error.message).toMatch(new RegExp(`^${profile.name}: .*\\(HTTP 401\\)`));
		expect(exposed(error)).not.toContain(wrong);
	});

	it('passes "Test connection" with the right key and fails it with a wrong one', async () => {
		expect(await flow().test()).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await flow('definitely-wrong-key').test()).toMatchObject({ status: 'Error' });
	});
});

describe('Apollo key scope', () => {
	it('reports a key without people-search access clearly', async () => {
		const flow = credentialFlow(apolloProfile, { baseUrl: sandbox().baseUrl('apollo'), apiKey: APOLLO_RESTRICTED_KEY });
		const error = await failureOf(flow.run([{ method: 'POST', path: '/mixed_people/api_search', body: { per_page: 1 } } as never]));
		expect(error.kind).toBe('auth');
		expect(error.message).toMatch(/Apollo: .*\(HTTP 403\)/);
	});
});
