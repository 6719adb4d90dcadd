import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { apolloModule } from '../../lib/sources/apollo';
import type { ApolloLookupOptions } from '../../lib/sources/apollo';
import type { PersonLookup, ProviderModule } from '../../lib/sources/contracts';
import { isProviderApiError } from '../../lib/transport';
import type { ProviderApiError, TransportContext } from '../../lib/transport';
import { apolloCompanyId, apolloPersonId, emailStatus } from '../../sandbox/apollo-people';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox } from '../../sandbox/server';
import type { FixturePerson, Sandbox } from '../../sandbox/server';
import { lostAnswerFaults } from '../faults/fixtures';
import { providerContext } from '../harness/transport-context';

const { peopleSearch, companySearch, personEnricher, companyEnricher, usage } = apolloModule as Required<ProviderModule>;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const context = () => providerContext('b2bApolloApi', { baseUrl: sandbox.baseUrl('apollo'), apiKey: SANDBOX_CREDENTIALS.apollo.apiKey });
const calls = (path: string) => sandbox.requests({ provider: 'apollo', pathIncludes: path });
const companyOf = (person: FixturePerson) => sandbox.fixtures.company(person.companyId)!;
/** People whose name is unique at their company, so a name + domain lookup can only mean them. */
const findable = () =>
	sandbox.fixtures.people.filter(
		(person) =>
			person.email !== null &&
			sandbox.fixtures
				.peopleAt(person.companyId)
				.filter((other) => other.firstName === person.firstName && other.lastName === person.lastName).length === 1,
	);

describe('Apollo people search', () => {
	it('maps the teasers and pages to the last page, one call per page of 100', async () => {
		const directors = sandbox.fixtures.people.filter((person) => person.seniority === 'director');
		expect(directors.length).toBeGreaterThan(100);
		expect(directors.length).toBeLessThanOrEqual(300);
		const ctx = context();
		const ids: string[] = [];
		let page = 1;
		for (;;) {
			const result = await peopleSearch.searchPeople(ctx, { seniorities: ['director'] }, page, peopleSearch.maxPageSize);
			expect(result.total).toBe(directors.length);
			ids.push(...result.records.map((record) => record.person?.ids?.apollo ?? 'missing'));
			if (!result.hasMore) break;
			page++;
		}
		expect(calls('/mixed_people/api_search')).toHaveLength(Math.ceil(directors.length / 100));
		expect(calls('/mixed_people/api_search').map((entry) => entry.body)).toEqual(
			Array.from({ length: page }, (_, index) => ({ person_seniorities: ['director'], page: index + 1, per_page: 100 })),
		);
		expect(new Set(ids)).toEqual(new Set(directors.map(apolloPersonId)));
		expect(ids).toHaveLength(directors.length);

		const first = (await peopleSearch.searchPeople(ctx, { seniorities: ['director'] }, 1, 1)).records[0];
		const person = directors[0];
		const company = companyOf(person);
		// A teaser: no email, and the obfuscated last name is not taken for a real one.
		expect(first.person).toEqual({
			firstName: person.firstName,
			title: person.title,
			companyName: company.name,
			companyDomain: company.domain,
			ids: { apollo: apolloPersonId(person) },
		});
		expect(first.company).toEqual({ name: company.name, domain: company.domain });
		expect(first.raw).toMatchObject({ last_name_obfuscated: expect.stringContaining('***') });
	});

	it("sends each filter under Apollo's name, additional fields last and paging after them", async () => {
		const result = await peopleSearch.searchPeople(
			context(),
			{
				jobTitles: [' Director of Sales ', ''],
				seniorities: ['director'],
				personLocations: ['Texas'],
				companyDomains: ['https://www.Example.com/about', 'example.com'],
				employeeRange: { min: 11, max: 50 },
				keywords: 'cloud',
				additional: { include_similar_titles: false, q_keywords: 'replaced', per_page: 3 },
			},
			2,
			25,
		);
		expect(result).toEqual({ records: [], total: 0, hasMore: false });
		expect(calls('/mixed_people/api_search')[0].body).toEqual({
			person_titles: ['Director of Sales'],
			person_seniorities: ['director'],
			person_locations: ['Texas'],
			q_organization_domains_list: ['example.com'],
			organization_num_employees_ranges: ['11,50'],
			q_keywords: 'replaced',
			include_similar_titles: false,
			page: 2,
			per_page: 25,
		});
	});

	it.each([
		[{ departments: ['master_sales'] }, "Apollo's people search has no department filter", /Job Titles or Seniorities/],
		[{ companyNames: ['Example Inc'] }, "Apollo's people search has no company-name filter", /give Company Domains .*organization_ids/],
		[{ companyNames: ['A', 'B'] }, "Apollo's people search has no company-name filter", /filters employers by domain/],
		[
			{ departments: ['sales'], companyNames: ['Example Inc'], seniorities: ['director'] },
			"Apollo's people search has no department or company-name filter",
			/Job Titles or Seniorities\. It filters employers by domain/,
		],
	])('refuses %j before calling Apollo, which has no such filter', async (filters, message, description) => {
		const error: unknown = await peopleSearch.searchPeople(context(), filters, 1, 10, { itemIndex: 3 }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).toMatchObject({ message, description: expect.stringMatching(description), context: { itemIndex: 3 } });
		expect(sandbox.log).toHaveLength(0);
	});

	it('finds the people of an organization given by id in Additional Provider Fields (organization_ids)', async () => {
		const company = sandbox.fixtures.companies.find((entry) => sandbox.fixtures.peopleAt(entry.id).length >= 2)!;
		const result = await peopleSearch.searchPeople(context(), { additional: { organization_ids: [apolloCompanyId(company)] } }, 1, 100);
		expect(result.total).toBe(sandbox.fixtures.peopleAt(company.id).length);
		expect(new Set(result.records.map((record) => record.company?.domain))).toEqual(new Set([company.domain]));
		expect(calls('/mixed_people/api_search')[0].body).toEqual({ organization_ids: [apolloCompanyId(company)], page: 1, per_page: 100 });
	});

	it('passes an undocumented Additional Provider Field on, and the sandbox refuses it with 422', async () => {
		const error: unknown = await peopleSearch
			.searchPeople(context(), { additional: { person_department_or_subdepartments: ['master_sales'] } }, 1, 10)
			.catch((caught: unknown) => caught);
		expect((error as Error).message).toMatch(/^Apollo: Unknown parameter\(s\) .*person_department_or_subdepartments.*\(HTTP 422\)/);
		expect(calls('/mixed_people/api_search').map((entry) => entry.status)).toEqual([422]);
	});

	it('sends an open-ended employee range with both bounds: 1 for no minimum, 1,000,000 for no maximum', async () => {
		const sizes = sandbox.fixtures.companies.map((company) => company.employees);
		const threshold = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)];
		const peopleWhere = (test: (employees: number) => boolean) =>
			sandbox.fixtures.people.filter((person) => test(companyOf(person).employees)).length;
		const atLeast = await peopleSearch.searchPeople(context(), { employeeRange: { min: threshold } }, 1, 1);
		const atMost = await peopleSearch.searchPeople(context(), { employeeRange: { max: threshold } }, 1, 1);
		expect(
			calls('/mixed_people/api_search').map((entry) => [entry.status, (entry.body as IDataObject).organization_num_employees_ranges]),
		).toEqual([
			[200, [`${threshold},1000000`]],
			[200, [`1,${threshold}`]],
		]);
		expect(atLeast.total).toBe(peopleWhere((employees) => employees >= threshold));
		expect(atMost.total).toBe(peopleWhere((employees) => employees <= threshold));
	});

	it('sends up to 1,000 distinct company domains and refuses more before calling Apollo', async () => {
		const domains = Array.from({ length: 1000 }, (_, index) => `company${index}.example`);
		// A duplicate once normalized counts once.
		const result = await peopleSearch.searchPeople(context(), { companyDomains: [...domains, 'www.company0.example'] }, 1, 10);
		expect(result.total).toBe(0);
		expect((calls('/mixed_people/api_search')[0].body as IDataObject).q_organization_domains_list).toEqual(domains);
		sandbox.reset();
		const error: unknown = await peopleSearch
			.searchPeople(context(), { companyDomains: [...domains, 'one-more.example'] }, 1, 10)
			.catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error).toMatchObject({
			message: 'Apollo searches at most 1,000 company domains at a time',
			description: expect.stringContaining('1,001 domains were given'),
		});
		expect(sandbox.log).toHaveLength(0);
	});

	it('stops at page 500 even when Apollo counts more', async () => {
		const result = await peopleSearch.searchPeople(context(), {}, 500, 1);
		expect(result.total).toBe(sandbox.fixtures.people.length);
		expect(result.records).toHaveLength(1);
		expect(result.hasMore).toBe(false);
		expect(await peopleSearch.searchPeople(context(), {}, 501, 1)).toEqual({ records: [], hasMore: false });
		expect(calls('/mixed_people/api_search')).toHaveLength(1);
	});
});

describe('Apollo company search', () => {
	it('finds organizations by name and by domain list, mapped to companies', async () => {
		const company = sandbox.fixtures.companies[3];
		const byName = await companySearch.searchCompanies(context(), { names: [company.name] }, 1, 100);
		expect(byName.records[0].company).toEqual({
			name: company.name,
			domain: company.domain,
			website: `http://www.${company.domain}`,
			industry: company.industry.toLowerCase(),
			employeeCount: company.employees,
			revenue: company.revenueUsd,
			phone: company.phone,
			address: { city: company.city, state: company.state, country: company.country },
			linkedinUrl: company.linkedinUrl,
			ids: { apollo: apolloCompanyId(company) },
		});
		const domains = sandbox.fixtures.companies.slice(0, 3).map((entry) => entry.domain);
		const byDomain = await companySearch.searchCompanies(
			context(),
			{ domains: domains.map((domain) => `www.${domain}`), employeeRange: { min: 1 } },
			1,
			100,
		);
		expect(byDomain.records.map((record) => record.company?.domain).sort()).toEqual([...domains].sort());
		expect(byDomain).toMatchObject({ total: 3, hasMore: false });
		expect(calls('/mixed_companies/search')[1].body).toMatchObject({
			q_organization_domains_list: domains,
			organization_num_employees_ranges: ['1,1000000'],
		});
	});

	it('sends an open-ended employee range with an explicit upper bound', async () => {
		const sizes = sandbox.fixtures.companies.map((company) => company.employees).sort((a, b) => a - b);
		const threshold = sizes[Math.floor(sizes.length / 2)];
		const result = await companySearch.searchCompanies(context(), { employeeRange: { min: threshold } }, 1, 100);
		expect(result.total).toBe(sizes.filter((employees) => employees >= threshold).length);
		expect(result.total).toBeGreaterThan(0);
		expect(
			calls('/mixed_companies/search').map((entry) => [entry.status, (entry.body as IDataObject).organization_num_employees_ranges]),
		).toEqual([[200, [`${threshold},1000000`]]]);
	});

	it('refuses more than 1,000 company domains before calling Apollo', async () => {
		const domains = Array.from({ length: 1001 }, (_, index) => `company${index}.example`);
		await expect(companySearch.searchCompanies(context(), { domains }, 1, 10)).rejects.toThrow(
			'Apollo searches at most 1,000 company domains at a time',
		);
		expect(sandbox.log).toHaveLength(0);
	});
});

describe('Apollo person enrichment', () => {
	type Expected = { lookup: PersonLookup; person?: FixturePerson };
	/** 23 lookups of every accepted kind, every fifth one someone Apollo cannot find. */
	function mixedLookups(): Expected[] {
		const people = findable();
		return Array.from({ length: 23 }, (_, index): Expected => {
			const person = people[index * 7];
			const domain = companyOf(person).domain;
			if (index % 5 === 4)
				return { lookup: index % 2 === 0 ? { email: `ghost${index}@nowhere.example` } : { firstName: 'Nobody', lastName: 'Here', domain } };
			const lookups: PersonLookup[] = [
				{ email: person.email!.toUpperCase() },
				{ firstName: person.firstName, lastName: person.lastName, domain: `https://${domain}/` },
				{ fullName: `${person.firstName} ${person.lastName}`, companyName: companyOf(person).name },
				{ linkedinUrl: person.linkedinUrl },
				{ ids: { apollo: apolloPersonId(person) } },
			];
			return { lookup: lookups[index % 5], person };
		});
	}

	it('enriches 23 lookups in 3 bulk calls of at most 10, outcomes in input order', async () => {
		const expected = mixedLookups();
		const outcomes = await personEnricher.enrichPeople(
			context(),
			expected.map((entry) => entry.lookup),
		);
		const bulk = calls('/people/bulk_match');
		expect(bulk.map((entry) => (entry.body as { details: unknown[] }).details.length)).toEqual([10, 10, 3]);
		expect(calls('/people/match')).toHaveLength(0);
		expect(outcomes.map((outcome) => [outcome.status, outcome.credits, outcome.record?.person?.ids?.apollo])).toEqual(
			expected.map(({ person }) => (person ? ['matched', 1, apolloPersonId(person)] : ['noMatch', 0, undefined])),
		);
		expect(outcomes.reduce((sum, outcome) => sum + outcome.credits, 0)).toBe(sandbox.state.apollo.creditsUsed);

		for (const [index, { person }] of expected.entries()) {
			if (!person) continue;
			const mapped = outcomes[index].record?.person;
			const status = emailStatus(person);
			expect(mapped).toMatchObject({
				firstName: person.firstName,
				lastName: person.lastName,
				linkedinUrl: person.linkedinUrl,
				companyDomain: companyOf(person).domain,
			});
			// Apollo's "unavailable" leaves the email out altogether.
			if (status === 'unavailable') expect(mapped).not.toHaveProperty('email');
			else expect(mapped).toMatchObject({ email: person.email, emailStatus: status });
		}
	});

	it('sends a lone lookup to people/match and reports unacceptable lookups without sending them', async () => {
		const person = findable()[0];
		const outcomes = await personEnricher.enrichPeople(context(), [
			{ firstName: person.firstName },
			{ email: person.email! },
			{ domain: 'example.com' },
		]);
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['error', 'matched', 'error']);
		expect(outcomes[0].error?.kind).toBe('invalidInput');
		expect(calls('/people/match').map((entry) => entry.body)).toEqual([{ email: person.email }]);
		expect(calls('/people/bulk_match')).toHaveLength(0);
		expect(personEnricher.accepts({ firstName: 'A', lastName: 'B', companyName: 'Acme' })).toBe(true);
		expect(personEnricher.accepts({ firstName: 'A', lastName: 'B' })).toBe(false);
	});

	it("adds phone-reveal credits to the matches, adding up to Apollo's credits_consumed", async () => {
		const people = findable();
		const withPhone = people.find((person) => person.phone !== null)!;
		const withoutPhone = people.find((person) => person.phone === null && person.mobilePhone === null)!;
		const options: ApolloLookupOptions = { revealPhone: true, phoneWebhookUrl: 'http://127.0.0.1:9/apollo-phones' };
		const outcomes = await personEnricher.enrichPeople(
			context(),
			[{ email: withPhone.email! }, { email: 'ghost@nowhere.example' }, { email: withoutPhone.email! }],
			options,
		);
		expect(calls('/people/bulk_match')[0].body).toMatchObject({ reveal_phone_number: true, webhook_url: options.phoneWebhookUrl });
		// 1 + 8 for the phone, 1 without one: Apollo says 10 for the call and not for whom.
		expect(outcomes.map((outcome) => outcome.credits)).toEqual([5, 0, 5]);
		expect(sandbox.state.apollo.creditsUsed).toBe(10);
	});

	it('refuses a phone reveal without a webhook URL before spending anything', async () => {
		await expect(personEnricher.enrichPeople(context(), [{ email: 'a@b.example' }], { revealPhone: true })).rejects.toThrow(/webhook/);
		expect(sandbox.log).toHaveLength(0);
	});

	it('fails with quotaExhausted, not retried, once the credits are spent', async () => {
		sandbox.configure({ apollo: { creditLimit: 0 } });
		const error: unknown = await personEnricher
			.enrichPeople(
				context(),
				mixedLookups()
					.slice(0, 3)
					.map((entry) => entry.lookup),
			)
			.catch((caught: unknown) => caught);
		expect(isProviderApiError(error, 'quotaExhausted')).toBe(true);
		expect((error as Error).message).toMatch(/^Apollo: .*insufficient credits.*\(HTTP 422\)/);
		expect(calls('/people/bulk_match').map((entry) => entry.status)).toEqual([422]);
	});

	it('counts a bulk_match answer lost after Apollo charged at what the answer sent again cost', async () => {
		sandbox.configure({ faults: lostAnswerFaults('apollo', [true]) });
		const expected = mixedLookups().slice(0, 10);
		const outcomes = await personEnricher.enrichPeople(
			context(),
			expected.map((entry) => entry.lookup),
		);
		expect(calls('/people/bulk_match').map((entry) => entry.fault ?? entry.status)).toEqual(['dropAfterWrite', 200]);
		expect(outcomes.map((outcome) => [outcome.status, outcome.credits, outcome.lost])).toEqual(
			expected.map(({ person }) => (person ? ['matched', 2, { sends: 1, credits: 1 }] : ['noMatch', 0, { sends: 1, credits: 0 }])),
		);
		expect(outcomes.reduce((sum, outcome) => sum + outcome.credits, 0)).toBe(sandbox.state.apollo.creditsUsed);
	});

	it('does not send a bulk_match again under doNotSendAgain, and says what the lost answer may have cost', async () => {
		sandbox.configure({ faults: lostAnswerFaults('apollo', [true]) });
		const error: unknown = await personEnricher
			.enrichPeople(
				context(),
				mixedLookups()
					.slice(0, 10)
					.map((entry) => entry.lookup),
				{ lostPaidAnswers: 'doNotSendAgain' },
			)
			.catch((caught: unknown) => caught);
		expect(isProviderApiError(error, 'outcomeUnknown')).toBe(true);
		expect((error as ProviderApiError).message).toBe('Apollo: answer lost, not re-sent to avoid paying twice (the connection was dropped)');
		// As if all ten matched: Apollo's answer would have said how many did.
		expect((error as ProviderApiError).lost).toEqual({ sends: 1, credits: 10 });
		expect(calls('/people/bulk_match')).toHaveLength(1);
	});
});

describe('Apollo bulk answers that leave misses out', () => {
	/** A context whose every request gets `body`: the sandbox always answers one match per detail. */
	const answering = (body: unknown): TransportContext => ({
		getNode: () => ({ id: 'fake', name: 'Fake', type: 'fake', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async <T extends object>() => ({ baseUrl: 'http://apollo.invalid', apiKey: 'fake-key' }) as unknown as T,
		helpers: { httpRequestWithAuthentication: async () => ({ statusCode: 200, headers: {}, body }) },
	});

	it('pairs each match with its lookup by identifiers instead of by position', async () => {
		const ada = { id: 'p-ada', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@engines.example', email_status: 'verified' };
		const alan = {
			id: 'p-alan',
			first_name: 'Alan',
			last_name: 'Turing',
			organization: { name: 'Bletchley', primary_domain: 'bletchley.example' },
		};
		const outcomes = await personEnricher.enrichPeople(answering({ matches: [alan, ada], credits_consumed: 2 }), [
			{ email: 'ADA@engines.example' },
			{ email: 'ghost@nowhere.example' },
			{ firstName: 'alan', lastName: 'turing', domain: 'www.bletchley.example' },
		]);
		expect(outcomes.map((outcome) => [outcome.status, outcome.record?.person?.ids?.apollo])).toEqual([
			['matched', 'p-ada'],
			['noMatch', undefined],
			['matched', 'p-alan'],
		]);
	});
});

describe('Apollo organization enrichment', () => {
	it('enriches by domain, reports unknown domains as no match and non-domains as invalid input', async () => {
		const company = sandbox.fixtures.companies[5];
		const outcomes = await companyEnricher.enrichCompanies(context(), [
			{ domain: `https://www.${company.domain}/about` },
			{ domain: 'unknown.example' },
			{ name: company.name },
		]);
		expect(outcomes.map((outcome) => [outcome.status, outcome.credits])).toEqual([
			['matched', 1],
			['noMatch', 0],
			['error', 0],
		]);
		expect(outcomes[0].record?.company).toMatchObject({
			name: company.name,
			domain: company.domain,
			ids: { apollo: apolloCompanyId(company) },
		});
		expect(calls('/organizations/enrich').map((entry) => entry.query)).toEqual([{ domain: company.domain }, { domain: 'unknown.example' }]);
		expect(companyEnricher.accepts({ name: company.name })).toBe(false);
	});
});

describe('Apollo usage', () => {
	it.each(['both', '24-hour'] as const)('reports the rate-limit headers per period (daily spelled %s)', async (spelling) => {
		sandbox.configure({ rateLimits: { apollo: { perMinute: 20 } }, apollo: { rateLimitHeaders: spelling } });
		const report = await usage.getUsage(context());
		expect(report.figures).toEqual([
			{ name: 'requests', period: 'minute', limit: 20, used: 1, remaining: 19 },
			{ name: 'requests', period: 'hour', limit: 6000, used: 1, remaining: 5999 },
			{ name: 'requests', period: 'day', limit: 50_000, used: 1, remaining: 49_999 },
		]);
		expect(calls('/auth/health')).toHaveLength(1);
	});
});
