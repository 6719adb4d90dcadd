import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client } from '../../sandbox/test-client';

const apiKey = SANDBOX_CREDENTIALS.upLead.apiKey;

describe('UpLead sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const upLead = () => client(sandbox.baseUrl('upLead'), { authorization: apiKey });
	const known = () => sandbox.fixtures.people.find((p) => p.knownBy.upLead && p.email)!;

	it('takes the raw key in Authorization and refuses a Bearer prefix', async () => {
		expect((await upLead().get('/credits')).data).toEqual({ data: { credits: 5000 } });
		expect((await client(sandbox.baseUrl('upLead'), { authorization: `Bearer ${apiKey}` }).get('/credits')).status).toBe(401);
		expect((await client(sandbox.baseUrl('upLead')).get('/credits')).status).toBe(401);
	});

	it('finds people by email or name + domain, spending a credit only when found', async () => {
		const person = known();
		const company = sandbox.fixtures.company(person.companyId)!;
		const byEmail = await upLead().get('/person-search', { params: { email: person.email } });
		expect(byEmail.data).toMatchObject({
			data: { first_name: person.firstName, email: person.email, title: person.title, company: { domain: company.domain } },
			credits_remaining: 4999,
		});
		const byName = await upLead().get('/person-search', {
			params: { first_name: person.firstName, last_name: person.lastName, domain: company.domain },
		});
		expect(byName.data.data.email).toBe(person.email);
		expect((await upLead().get('/person-search', { params: { email: 'ghost@nowhere.example' } })).data).toEqual({
			data: null,
			credits_remaining: 4998,
		});
		expect((await upLead().get('/person-search', { params: { first_name: 'x' } })).status).toBe(400);
	});

	it('searches companies and combined person + company', async () => {
		const person = known();
		const company = sandbox.fixtures.company(person.companyId)!;
		expect((await upLead().get('/company-search', { params: { domain: company.domain } })).data.data).toMatchObject({
			company_name: company.name,
			employees: company.employees,
		});
		const combined = await upLead().get('/combined-search', { params: { email: person.email } });
		expect(combined.data.data.person).toMatchObject({ email: person.email });
		expect(combined.data.data.person).not.toHaveProperty('company');
		expect(combined.data.data.company).toMatchObject({ domain: company.domain });
	});

	it('pages prospector results with meta at the top level, a credit per record', async () => {
		const company = [...sandbox.fixtures.companies].sort(
			(a, b) => sandbox.fixtures.peopleAt(b.id).length - sandbox.fixtures.peopleAt(a.id).length,
		)[0];
		const size = sandbox.fixtures.peopleAt(company.id).length;
		const first = await upLead().post('/prospector-search', { domain: company.domain, page: 1, per_page: 2 });
		expect(first.data.results).toHaveLength(2);
		expect(first.data.meta).toEqual({ total: size, page: 1, next_page: 2, last_page: Math.ceil(size / 2) });
		const last = await upLead().post('/prospector-search', { domain: company.domain, page: Math.ceil(size / 2), per_page: 2 });
		expect(last.data.meta.next_page).toBeNull();
		expect(sandbox.state.upLead.creditsUsed).toBe(2 + last.data.results.length);
	});

	it('filters prospector results by one job function, one management level code, titles and countries', async () => {
		const company = [...sandbox.fixtures.companies].sort(
			(a, b) => sandbox.fixtures.peopleAt(b.id).length - sandbox.fixtures.peopleAt(a.id).length,
		)[0];
		const staff = sandbox.fixtures.peopleAt(company.id);
		const manager = staff.find((p) => p.seniority === 'manager' && p.department === 'engineering')!;
		expect(manager).toBeDefined();
		const answer = await upLead().post('/prospector-search', {
			domain: company.domain,
			job_function: 'engineering',
			management_level: 'M',
			countries: [manager.country],
			per_page: 100,
		});
		expect(answer.status).toBe(200);
		const expected = staff.filter((p) => p.department === 'engineering' && p.seniority === 'manager' && p.country === manager.country);
		expect(expected.length).toBeGreaterThan(0);
		expect(answer.data.results.map((r: { id: string }) => r.id).sort()).toEqual(expected.map((p) => `p${p.id}`).sort());
		expect(answer.data.results.every((r: Record<string, unknown>) => r.job_function === 'engineering' && r.management_level === 'M')).toBe(
			true,
		);

		const title = expected[0].title;
		const exact = await upLead().post('/prospector-search', { domain: company.domain, titles: [title], title_search_mode: 'exact' });
		expect(exact.data.results.map((r: { id: string }) => r.id).sort()).toEqual(
			staff
				.filter((p) => p.title.toLowerCase() === title.toLowerCase())
				.map((p) => `p${p.id}`)
				.sort(),
		);
	});

	it("answers 400 to prospector values outside UpLead's description, spending nothing", async () => {
		const company = sandbox.fixtures.companies[0];
		const refused = async (body: Record<string, unknown>) => {
			const answer = await upLead().post('/prospector-search', { domain: company.domain, ...body });
			expect(answer.status).toBe(400);
			expect(answer.data.error).toBe('Bad Request');
			return answer.data.message as string;
		};
		expect(await refused({ management_level: 'Director-Level' })).toBe('management_level must be one of: M, D, VP, C, CX');
		expect(await refused({ management_level: ['D'] })).toBe('management_level must be a single string');
		expect(await refused({ job_function: 'Sales' })).toMatch(/^job_function must be one of: advisory, analyst, .*, unemployed$/);
		expect(await refused({ job_function: ['sales', 'marketing'] })).toBe('job_function must be a single string');
		expect(await refused({ countries: 'United States' })).toBe('countries must be an array of strings');
		expect(await refused({ title_search_mode: 'fuzzy' })).toBe('title_search_mode must be one of: include, exact');
		expect(await refused({ per_page: 101 })).toBe('per_page must be at most 100');
		expect(await refused({ domain: undefined })).toBe('domain is required');
		expect(sandbox.state.upLead.creditsUsed).toBe(0);
	});

	it('answers 402 Insufficient credits once they are spent', async () => {
		sandbox.configure({ upLead: { credits: 1 } });
		expect((await upLead().get('/person-search', { params: { email: known().email } })).status).toBe(200);
		const refused = await upLead().get('/person-search', { params: { email: known().email } });
		expect(refused.status).toBe(402);
		expect(refused.data.message).toBe('Insufficient credits');
	});

	it('sends X-RateLimit headers and 429 with Retry-After past the limit', async () => {
		sandbox.configure({ rateLimits: { upLead: { perMinute: 2 } } });
		const ok = await upLead().get('/credits');
		expect(ok.headers['x-ratelimit-limit']).toBe('2');
		expect(ok.headers['x-ratelimit-remaining']).toBe('1');
		const reset = Number(ok.headers['x-ratelimit-reset']);
		expect(reset).toBeGreaterThan(Date.now() / 1000);
		expect(reset).toBeLessThan(Date.now() / 1000 + 61);
		await upLead().get('/credits');
		const limited = await upLead().get('/credits');
		expect(limited.status).toBe(429);
		expect(limited.headers['x-ratelimit-remaining']).toBe('0');
		expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
	});
});
