import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client } from '../../sandbox/test-client';

const apiKey = SANDBOX_CREDENTIALS.hunter.apiKey;

describe('Hunter sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const hunter = () => client(sandbox.baseUrl('hunter'), { 'X-API-KEY': apiKey });

	it('takes the key from X-API-KEY, api_key or Bearer, records which, and refuses bad keys with 401', async () => {
		expect((await hunter().get('/account')).data.data.plan_name).toBe('Growth');
		expect((await client(sandbox.baseUrl('hunter')).get('/account', { params: { api_key: apiKey } })).status).toBe(200);
		expect((await client(sandbox.baseUrl('hunter'), { authorization: `Bearer ${apiKey}` }).get('/account')).status).toBe(200);
		expect(sandbox.log.map((entry) => entry.credentialVia)).toEqual(['header:x-api-key', 'query:api_key', 'header:authorization-bearer']);
		const bad = await client(sandbox.baseUrl('hunter'), { 'X-API-KEY': 'nope' }).get('/account');
		expect(bad.status).toBe(401);
		expect(bad.data).toEqual({ errors: [{ id: 'authentication_failed', code: 401, details: 'No user found for the API key supplied' }] });
	});

	it('domain-searches with filters and offset paging, spending one search when there are results', async () => {
		const company = [...sandbox.fixtures.companies].sort(
			(a, b) => sandbox.fixtures.peopleAt(b.id).length - sandbox.fixtures.peopleAt(a.id).length,
		)[0];
		const all = await hunter().get('/domain-search', { params: { domain: company.domain, limit: 100 } });
		expect(all.data.data).toMatchObject({ domain: company.domain, organization: company.name, pattern: company.emailPattern });
		const total = all.data.meta.results;
		expect(total).toBeGreaterThan(3);
		const page = await hunter().get('/domain-search', { params: { domain: company.domain, limit: 2, offset: 2 } });
		expect(page.data.data.emails).toEqual(all.data.data.emails.slice(2, 4));
		expect(page.data.meta).toMatchObject({ results: total, limit: 2, offset: 2 });
		const generic = await hunter().get('/domain-search', { params: { domain: company.domain, type: 'generic' } });
		expect(generic.data.data.emails.every((e: { type: string }) => e.type === 'generic')).toBe(true);
		const executives = await hunter().get('/domain-search', { params: { company: company.name, seniority: 'executive', limit: 100 } });
		expect(executives.data.data.emails.every((e: { seniority: string }) => e.seniority === 'executive')).toBe(true);
		await hunter().get('/domain-search', { params: { domain: 'nothing-here.example' } });
		expect(sandbox.state.hunter.quotaUsed.searches).toBe(4);
		expect((await hunter().get('/domain-search')).status).toBe(400);
		expect((await hunter().get('/domain-search', { params: { domain: company.domain, limit: 101 } })).status).toBe(400);
	});

	it('finds emails by name, returning null (and spending nothing) when Hunter does not know it', async () => {
		const known = sandbox.fixtures.people.find((p) => p.knownBy.hunter && p.email)!;
		const domain = sandbox.fixtures.company(known.companyId)!.domain;
		const found = await hunter().get('/email-finder', { params: { domain, first_name: known.firstName, last_name: known.lastName } });
		expect(found.data.data).toMatchObject({ email: known.email, score: known.emailConfidence, position: known.title });
		const byFullName = await hunter().get('/email-finder', { params: { domain, full_name: `${known.firstName} ${known.lastName}` } });
		expect(byFullName.data.data.email).toBe(known.email);
		const unknown = sandbox.fixtures.people.find((p) => !p.knownBy.hunter)!;
		const missing = await hunter().get('/email-finder', {
			params: { domain: sandbox.fixtures.company(unknown.companyId)!.domain, first_name: unknown.firstName, last_name: unknown.lastName },
		});
		expect(missing.data.data.email).toBeNull();
		expect(sandbox.state.hunter.quotaUsed.searches).toBe(2);
		expect((await hunter().get('/email-finder', { params: { domain } })).status).toBe(400);
	});

	it('verifies emails: 202 while running, then a deterministic verdict', async () => {
		const person = sandbox.fixtures.people.find((p) => p.email && !sandbox.fixtures.company(p.companyId)!.catchAll)!;
		const pending = await hunter().get('/email-verifier', { params: { email: person.email } });
		expect(pending.status).toBe(202);
		expect(pending.data.data.status).toBe('unknown');
		const done = await hunter().get('/email-verifier', { params: { email: person.email } });
		expect(done.status).toBe(200);
		expect(done.data.data).toMatchObject({ status: 'valid', smtp_check: true, accept_all: false, email: person.email });
		sandbox.configure({ hunter: { verifierPendingPolls: 0, catchAllDomains: ['catchall.example'] } });
		const verdict = async (email: string) => (await hunter().get('/email-verifier', { params: { email } })).data.data.status;
		expect(await verdict('someone@gmail.com')).toBe('webmail');
		expect(await verdict('someone@mailinator.com')).toBe('disposable');
		expect(await verdict('anyone@catchall.example')).toBe('accept_all');
		expect(await verdict(`nobody.here@${sandbox.fixtures.company(person.companyId)!.domain}`)).toBe('invalid');
		expect(await verdict('who@unknown-domain.example')).toBe('unknown');
		const malformed = await hunter().get('/email-verifier', { params: { email: 'not-an-email' } });
		expect(malformed.status).toBe(400);
		expect(malformed.data.errors[0].id).toBe('wrong_params');
		expect(sandbox.state.hunter.quotaUsed.verifications).toBe(6);
	});

	it('answers 403 when rate limited, and 429 when the plan quota is used up', async () => {
		sandbox.configure({ rateLimits: { hunter: { perSecond: 100, perMinute: 3 } } });
		for (let i = 0; i < 3; i++) expect((await hunter().get('/account')).status).toBe(200);
		const limited = await hunter().get('/account');
		expect(limited.status).toBe(403);
		expect(limited.data.errors[0]).toMatchObject({ id: 'too_many_requests', code: 403 });
		sandbox.reset();
		sandbox.configure({ hunter: { quota: { searches: 1 } } });
		const company = sandbox.fixtures.companies[0];
		expect((await hunter().get('/domain-search', { params: { domain: company.domain } })).status).toBe(200);
		const quota = await hunter().get('/domain-search', { params: { domain: company.domain } });
		expect(quota.status).toBe(429);
		expect(quota.data.errors[0]).toMatchObject({ id: 'too_many_requests', code: 429, details: expect.stringContaining('monthly quota') });
		expect((await hunter().get('/account')).data.data.requests.searches).toEqual({ used: 1, available: 1 });
	});

	it('limits the verifier separately (10/s by default)', async () => {
		sandbox.configure({ hunter: { verifierPendingPolls: 0 } });
		const results = await Promise.all(
			Array.from({ length: 12 }, () => hunter().get('/email-verifier', { params: { email: 'a@gmail.com' } })),
		);
		expect(results.filter((r) => r.status === 403)).toHaveLength(2);
		expect((await hunter().get('/account')).status).toBe(200);
	});
});
