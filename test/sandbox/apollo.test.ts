import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apolloCompanyId } from '../../sandbox/apollo-people';
import { APOLLO_RESTRICTED_KEY } from '../../sandbox/config';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client } from '../../sandbox/test-client';

describe('Apollo sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const apollo = (key: string = SANDBOX_CREDENTIALS.apollo.apiKey) => client(sandbox.baseUrl('apollo'), { 'x-api-key': key });
	const knownPerson = () => sandbox.fixtures.people.find((p) => p.knownBy.apollo && p.email && p.emailConfidence >= 75 && p.phone)!;

	it('checks keys: health with a good key, 401 with a bad one, 403 API_INACCESSIBLE for a non-master key on search', async () => {
		expect((await apollo().get('/auth/health')).data).toEqual({ healthy: true, is_logged_in: true });
		const bad = await apollo('nope').get('/auth/health');
		expect(bad.status).toBe(401);
		expect(bad.data).toEqual({ error: 'Invalid access credentials.' });
		const restricted = await apollo(APOLLO_RESTRICTED_KEY).post('/mixed_people/api_search', {});
		expect(restricted.status).toBe(403);
		expect(restricted.data.error_code).toBe('API_INACCESSIBLE');
		expect((await apollo(APOLLO_RESTRICTED_KEY).post('/people/match', { email: knownPerson().email })).status).toBe(200);
	});

	it('accepts the old api_key body field and logs that it came that way', async () => {
		const response = await client(sandbox.baseUrl('apollo')).post('/people/match', {
			api_key: SANDBOX_CREDENTIALS.apollo.apiKey,
			email: 'x@y.z',
		});
		expect(response.status).toBe(200);
		expect(sandbox.log.at(-1)?.credentialVia).toBe('body:api_key');
	});

	it('searches people with filters (body or query string) and paginates, spending no credits', async () => {
		const first = await apollo().post('/mixed_people/api_search', { person_seniorities: ['director'], per_page: 5, page: 1 });
		expect(first.data.people).toHaveLength(5);
		expect(first.data.people[0]).toEqual(
			expect.objectContaining({
				id: expect.stringMatching(/^[0-9a-f]{24}$/),
				last_name_obfuscated: expect.stringContaining('***'),
				title: expect.stringMatching(/^Director of /),
			}),
		);
		expect(first.data.people[0]).not.toHaveProperty('email');
		const total = first.data.total_entries;
		expect(first.data.pagination).toEqual({ page: 1, per_page: 5, total_entries: total, total_pages: Math.ceil(total / 5) });
		const viaQuery = await apollo().post('/mixed_people/api_search', null, {
			params: { 'person_seniorities[]': 'director', per_page: 5, page: 2 },
		});
		expect(viaQuery.data.total_entries).toBe(total);
		expect(viaQuery.data.people[0].id).not.toBe(first.data.people[0].id);
		const capped = await apollo().post('/mixed_people/api_search', { per_page: 500 });
		expect(capped.data.pagination.per_page).toBe(100);
		expect((await apollo().post('/mixed_people/api_search', { page: 501 })).status).toBe(422);
		const company = sandbox.fixtures.companies[0];
		const atCompany = await apollo().post('/mixed_people/api_search', { q_organization_domains_list: [company.domain], per_page: 100 });
		expect(atCompany.data.total_entries).toBe(sandbox.fixtures.peopleAt(company.id).length);
		expect(sandbox.state.apollo.creditsUsed).toBe(0);
	});

	it('refuses with 422 a people-search parameter People API Search does not document, from the body or the query string', async () => {
		const refused = async (body: unknown, params?: Record<string, unknown>) => {
			const response = await apollo().post('/mixed_people/api_search', body, params ? { params } : undefined);
			return [response.status, response.data];
		};
		expect(await refused({ person_department_or_subdepartments: ['master_sales'] })).toEqual([
			422,
			{ error: 'Unknown parameter(s) for this search: person_department_or_subdepartments' },
		]);
		expect(await refused({ q_organization_name: 'Acme', person_seniorities: ['vp'], q_keywords: 'x' })).toEqual([
			422,
			{ error: 'Unknown parameter(s) for this search: q_organization_name' },
		]);
		expect(await refused(null, { 'q_organization_keyword_tags[]': 'saas' })).toEqual([
			422,
			{ error: 'Unknown parameter(s) for this search: q_organization_keyword_tags' },
		]);
		// Every documented parameter, and api_key (the old way to authenticate), is taken.
		const company = sandbox.fixtures.companies[0];
		const documented = await client(sandbox.baseUrl('apollo')).post('/mixed_people/api_search', {
			api_key: SANDBOX_CREDENTIALS.apollo.apiKey,
			person_titles: ['Director'],
			include_similar_titles: true,
			q_keywords: company.name,
			person_locations: [company.country],
			person_seniorities: ['director'],
			organization_locations: [company.country],
			q_organization_domains_list: [company.domain],
			organization_ids: [apolloCompanyId(company)],
			organization_num_employees_ranges: ['1,1000000'],
			contact_email_status: ['verified'],
			revenue_range: { min: 0, max: 1_000_000_000_000 },
			page: 1,
			per_page: 10,
		});
		expect(documented.status).toBe(200);
		const viaQuery = await apollo().post('/mixed_people/api_search', null, {
			params: { 'revenue_range[min]': 1, 'revenue_range[max]': company.revenueUsd, 'organization_ids[]': apolloCompanyId(company) },
		});
		expect(viaQuery.status).toBe(200);
		expect(viaQuery.data.total_entries).toBe(sandbox.fixtures.peopleAt(company.id).length);
		const belowRevenue = await apollo().post('/mixed_people/api_search', {
			organization_ids: [apolloCompanyId(company)],
			revenue_range: { min: company.revenueUsd + 1 },
		});
		expect(belowRevenue.data.total_entries).toBe(0);
	});

	it.each(['/mixed_people/api_search', '/mixed_companies/search'])(
		'%s: 422 for an employee range that is not two numbers, and for more than 1,000 domains',
		async (path) => {
			for (const range of ['10001,', ',50', '1-10', '1,10,20', 'many']) {
				const response = await apollo().post(path, { organization_num_employees_ranges: ['1,10', range] });
				expect([range, response.status, response.data]).toEqual([
					range,
					422,
					{ error: `organization_num_employees_ranges entries must be two numbers separated by a comma (like "1,10"): "${range}"` },
				]);
			}
			expect((await apollo().post(path, { organization_num_employees_ranges: '1,10' })).status).toBe(200);
			const domains = (count: number) => Array.from({ length: count }, (_, index) => `company${index}.example`);
			expect((await apollo().post(path, { q_organization_domains_list: domains(1000) })).status).toBe(200);
			const tooMany = await apollo().post(path, { q_organization_domains_list: domains(1001) });
			expect([tooMany.status, tooMany.data]).toEqual([
				422,
				{ error: 'q_organization_domains_list takes at most 1000 domains (1001 given)' },
			]);
		},
	);

	it('searches organizations and enriches an organization by domain', async () => {
		const company = sandbox.fixtures.companies[3];
		const found = await apollo().post('/mixed_companies/search', { q_organization_name: company.name });
		expect(found.data.organizations[0]).toMatchObject({ name: company.name, primary_domain: company.domain });
		expect((await apollo().get('/organizations/enrich', { params: { domain: `www.${company.domain}` } })).data.organization.name).toBe(
			company.name,
		);
		expect((await apollo().get('/organizations/enrich', { params: { domain: 'unknown.example' } })).data).toEqual({ organization: null });
	});

	it('matches people by email, by name + domain and by id; 1 credit per match, none when unmatched', async () => {
		const person = knownPerson();
		const company = sandbox.fixtures.company(person.companyId)!;
		const byEmail = await apollo().post('/people/match', { email: person.email });
		expect(byEmail.data.person).toMatchObject({
			first_name: person.firstName,
			last_name: person.lastName,
			email: person.email,
			email_status: 'verified',
			organization: { primary_domain: company.domain },
		});
		expect(byEmail.data.person.employment_history[0]).toMatchObject({ current: true, organization_name: company.name });
		const byName = await apollo().post('/people/match', {
			first_name: person.firstName,
			last_name: person.lastName,
			domain: company.domain,
		});
		expect(byName.data.person.id).toBe(byEmail.data.person.id);
		expect((await apollo().post('/people/match', { id: byEmail.data.person.id })).data.person.email).toBe(person.email);
		expect((await apollo().post('/people/match', { email: 'nobody@nowhere.example' })).data).toEqual({ person: null });
		expect(sandbox.state.apollo.creditsUsed).toBe(3);
		const unknownToApollo = sandbox.fixtures.people.find((p) => p.email && !p.knownBy.apollo)!;
		expect((await apollo().post('/people/match', { email: unknownToApollo.email })).data.person).toMatchObject({
			email: null,
			email_status: 'unavailable',
		});
	});

	it('bulk-matches up to 10 details and refuses more with 422', async () => {
		const people = sandbox.fixtures.people.slice(0, 3);
		const bulk = await apollo().post('/people/bulk_match', {
			details: [
				...people.map((p) => ({ first_name: p.firstName, last_name: p.lastName, domain: sandbox.fixtures.company(p.companyId)!.domain })),
				{ email: 'ghost@none.example' },
			],
		});
		expect(bulk.data).toMatchObject({ status: 'success', credits_consumed: 3, missing_records: 1, unique_enriched_records: 3 });
		expect(bulk.data.matches).toHaveLength(4);
		expect(bulk.data.matches[3]).toBeNull();
		expect((await apollo().post('/people/bulk_match', { details: Array.from({ length: 11 }, () => ({ email: 'a@b.c' })) })).status).toBe(
			422,
		);
	});

	it('answers 422 once the credit limit is spent', async () => {
		sandbox.configure({ apollo: { creditLimit: 1 } });
		expect((await apollo().post('/people/match', { email: knownPerson().email })).status).toBe(200);
		const refused = await apollo().post('/people/match', { email: knownPerson().email });
		expect(refused.status).toBe(422);
		expect(refused.data.error).toMatch(/insufficient credits/);
	});

	it('sends usage headers in both spellings and 429 with retry-after past the per-endpoint limit; bulk gets a tenth', async () => {
		sandbox.configure({ rateLimits: { apollo: { perMinute: 20 } } });
		const ok = await apollo().get('/auth/health');
		expect(ok.headers).toMatchObject({
			'x-rate-limit-minute': '20',
			'x-minute-usage': '1',
			'x-minute-requests-left': '19',
			'x-rate-limit-24-hour': '50000',
			'x-24-hour-requests-left': '49999',
			'x-daily-requests-left': '49999',
		});
		for (let i = 0; i < 2; i++) expect((await apollo().post('/people/bulk_match', { details: [{ email: 'a@b.c' }] })).status).toBe(200);
		const limited = await apollo().post('/people/bulk_match', { details: [{ email: 'a@b.c' }] });
		expect(limited.status).toBe(429);
		expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(limited.headers['x-minute-requests-left']).toBe('0');
		// Other endpoints have their own windows.
		expect((await apollo().get('/auth/health')).status).toBe(200);
		sandbox.configure({ apollo: { rateLimitHeaders: '24-hour' } });
		expect((await apollo().get('/auth/health')).headers['x-daily-usage']).toBeUndefined();
	});

	it('requires webhook_url to reveal phones, then posts them there, signed when a secret is set', async () => {
		const received: Array<{ body: string; signature: string | undefined }> = [];
		const receiver = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString()));
			req.on('end', () => {
				received.push({ body, signature: req.headers['x-apollo-signature'] as string | undefined });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
			sandbox.configure({ apollo: { webhookSecret: 's3cret', phoneRevealCredits: 8 } });
			const person = knownPerson();
			expect((await apollo().post('/people/match', { email: person.email, reveal_phone_number: true })).status).toBe(400);
			const match = await apollo().post('/people/match', { email: person.email, reveal_phone_number: true, webhook_url: url });
			expect(match.data.person.phone_numbers).toEqual([]);
			expect(sandbox.state.apollo.creditsUsed).toBe(9);
			const delivered = () => sandbox.state.apollo.webhookDeliveries[0]?.status !== undefined;
			for (let i = 0; i < 100 && !delivered(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
			expect(received).toHaveLength(1);
			expect(JSON.parse(received[0].body).people[0].phone_numbers[0].raw_number).toBe(person.phone);
			expect(received[0].signature).toBe(createHmac('sha256', 's3cret').update(received[0].body).digest('hex'));
			expect(sandbox.state.apollo.webhookDeliveries[0].status).toBe(200);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});
});
