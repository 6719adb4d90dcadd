import { createPrivateKey, sign } from 'node:crypto';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { decodeJwt } from '../../sandbox/jwt';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client } from '../../sandbox/test-client';

const { username, password, clientId } = SANDBOX_CREDENTIALS.zoomInfo;

function clientJwt(privateKeyPem: string, claims: Record<string, unknown>): string {
	const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const input = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
	return `${input}.${sign('RSA-SHA256', Buffer.from(input), createPrivateKey(privateKeyPem)).toString('base64url')}`;
}

describe('ZoomInfo sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const zoomInfo = () => client(sandbox.baseUrl('zoomInfo'));
	async function authed() {
		const login = await zoomInfo().post('/authenticate', { username, password });
		expect(login.status).toBe(200);
		return client(sandbox.baseUrl('zoomInfo'), { authorization: `Bearer ${login.data.jwt}` });
	}
	const now = () => Math.floor(Date.now() / 1000);
	const pkiClaims = () => ({
		aud: 'enterprise_api',
		iss: 'api-client@zoominfo.com',
		username,
		client_id: clientId,
		iat: now() - 60,
		exp: now() + 240,
	});

	it('logs in by password and returns an HS256 JWT living 60 minutes', async () => {
		const login = await zoomInfo().post('/authenticate', { username, password });
		const decoded = decodeJwt(login.data.jwt);
		expect(decoded?.header.alg).toBe('HS256');
		expect(Number(decoded?.claims.exp) - now()).toBeGreaterThan(3590);
		const wrong = await zoomInfo().post('/authenticate', { username, password: 'nope' });
		expect(wrong.status).toBe(401);
		expect(wrong.data).toEqual({ error: 'Invalid credentials' });
	});

	it('logs in by PKI with a client-signed RS256 JWT, checking signature and claims', async () => {
		const pki = (await client(`${sandbox.url}/_sandbox`).get('/zoominfo/pki')).data as { privateKeyPem: string; clientId: string };
		expect(pki.clientId).toBe(clientId);
		expect(pki.privateKeyPem).toBe(sandbox.zoomInfo.privateKeyPem);
		const login = (claims: Record<string, unknown>, key = pki.privateKeyPem) =>
			zoomInfo().post('/authenticate', null, { headers: { authorization: `Bearer ${clientJwt(key, claims)}` } });
		expect((await login(pkiClaims())).data.jwt).toEqual(expect.any(String));
		expect((await login({ ...pkiClaims(), aud: 'other' })).status).toBe(401);
		expect((await login({ ...pkiClaims(), client_id: 'someone-else' })).status).toBe(401);
		expect((await login({ ...pkiClaims(), exp: now() - 1 })).status).toBe(401);
		expect((await login({ ...pkiClaims(), iat: now() - 10, exp: now() + 600 })).status).toBe(401);
		const forged = clientJwt(pki.privateKeyPem, pkiClaims()).replace(/\.[^.]+$/, '.AAAA');
		expect((await zoomInfo().post('/authenticate', null, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
	});

	it('refuses API calls without a valid JWT, and after tokenMaxCalls', async () => {
		expect((await zoomInfo().get('/lookup/usage')).status).toBe(401);
		sandbox.configure({ auth: { tokenMaxCalls: { zoomInfo: 1 } } });
		const api = await authed();
		expect((await api.get('/lookup/usage')).status).toBe(200);
		const spent = await api.get('/lookup/usage');
		expect(spent.status).toBe(401);
		expect(spent.data.message).toEqual(expect.any(String));
	});

	it('searches contacts and companies with flat filters and rpp/page paging', async () => {
		const api = await authed();
		const first = await api.post('/search/contact', { managementLevel: 'Director', rpp: 10, page: 1 });
		expect(first.data).toMatchObject({ maxResults: 10, currentPage: 1 });
		expect(first.data.data).toHaveLength(10);
		expect(first.data.data[0]).toMatchObject({ jobTitle: expect.stringMatching(/^Director of/), company: { id: expect.any(Number) } });
		expect(first.data.data[0]).not.toHaveProperty('email');
		const second = await api.post('/search/contact', { managementLevel: 'Director', rpp: 10, page: 2 });
		expect(second.data.totalResults).toBe(first.data.totalResults);
		expect(second.data.data[0].id).not.toBe(first.data.data[0].id);
		expect((await api.post('/search/contact', { rpp: 101 })).status).toBe(400);
		const company = sandbox.fixtures.companies[5];
		const companies = await api.post('/search/company', { companyWebsite: `https://www.${company.domain}` });
		expect(companies.data.data).toEqual([{ id: expect.any(Number), name: company.name }]);
	});

	it('enriches contacts and companies, charging a record per FULL_MATCH until LIMIT_EXCEEDED', async () => {
		sandbox.configure({ zoomInfo: { recordLimit: 2 } });
		const api = await authed();
		const person = sandbox.fixtures.people.find((p) => p.knownBy.zoomInfo && p.email)!;
		const enriched = await api.post('/enrich/contact', {
			matchPersonInput: [{ emailAddress: person.email }, { emailAddress: 'ghost@nowhere.example' }],
			outputFields: ['id', 'firstName', 'lastName', 'email', 'jobTitle', 'companyName'],
		});
		expect(enriched.data.success).toBe(true);
		const [hit, miss] = enriched.data.data.result;
		expect(hit).toMatchObject({
			matchStatus: 'FULL_MATCH',
			data: [{ firstName: person.firstName, email: person.email, jobTitle: person.title }],
		});
		expect(Object.keys(hit.data[0])).toEqual(['id', 'firstName', 'lastName', 'email', 'jobTitle', 'companyName']);
		expect(miss).toMatchObject({ matchStatus: 'NO_MATCH', data: [] });
		const company = sandbox.fixtures.company(person.companyId)!;
		const companyResult = await api.post('/enrich/company', {
			matchCompanyInput: [{ companyWebsite: company.domain }],
			outputFields: ['id', 'name', 'employeeCount'],
		});
		expect(companyResult.data.data.result[0]).toMatchObject({
			matchStatus: 'FULL_MATCH',
			data: [{ name: company.name, employeeCount: company.employees }],
		});
		const limited = await api.post('/enrich/contact', {
			matchPersonInput: [{ fullName: `${person.firstName} ${person.lastName}`, companyName: company.name }],
			outputFields: ['id'],
		});
		expect(limited.data.data.result[0].matchStatus).toBe('LIMIT_EXCEEDED');
		const usage = await api.get('/lookup/usage');
		expect(usage.data.usage).toEqual(
			expect.arrayContaining([expect.objectContaining({ limitType: 'recordLimit', limit: 2, currentUsage: 2, usageRemaining: 0 })]),
		);
		expect(sandbox.stats().credits.zoomInfo).toBe(2);
	});

	it('refuses more than 25 inputs and unknown output fields', async () => {
		const api = await authed();
		expect(
			(await api.post('/enrich/contact', { matchPersonInput: Array.from({ length: 26 }, () => ({ personId: 1 })), outputFields: ['id'] }))
				.status,
		).toBe(400);
		expect((await api.post('/enrich/contact', { matchPersonInput: [{ personId: 1 }], outputFields: ['shoeSize'] })).status).toBe(400);
	});

	it('answers 429 past the per-minute limit', async () => {
		sandbox.configure({ rateLimits: { zoomInfo: { perMinute: 2 } } });
		const api = await authed();
		await api.get('/lookup/usage');
		await api.get('/lookup/usage');
		expect((await api.get('/lookup/usage')).status).toBe(429);
	});
});
