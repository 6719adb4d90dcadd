import { upLeadModule } from '../../lib/sources/upLead';
import { isProviderApiError } from '../../lib/transport';
import { failureOf, useSandbox } from '../credentials-flow/flow';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import type { FixturePerson } from '../../sandbox/server';
import { providerContext } from '../harness/transport-context';

const sandbox = useSandbox();
const context = () => providerContext('b2bUpLeadApi', { baseUrl: sandbox().baseUrl('upLead'), apiKey: SANDBOX_CREDENTIALS.upLead.apiKey });
const calls = (path: string) => sandbox().requests({ provider: 'upLead', pathIncludes: path });

const { peopleSearch, personEnricher, companyEnricher, usage } = upLeadModule;
if (!peopleSearch || !personEnricher || !companyEnricher) throw new Error('UpLead module lacks a capability');

const companyOf = (person: FixturePerson) => sandbox().fixtures.company(person.companyId)!;
const known = () => sandbox().fixtures.people.filter((person) => person.knownBy.upLead && person.email !== null);
/** The phones a person's record should carry; the key is left out when there are none. */
const phonesOf = (person: FixturePerson) => {
	const phones = [
		...(person.phone ? [{ number: person.phone, type: 'direct' }] : []),
		...(person.mobilePhone ? [{ number: person.mobilePhone, type: 'mobile' }] : []),
	];
	return phones.length > 0 ? { phones } : {};
};
const biggestCompany = () =>
	[...sandbox().fixtures.companies].sort((a, b) => sandbox().fixtures.peopleAt(b.id).length - sandbox().fixtures.peopleAt(a.id).length)[0];

describe('UpLead prospector search', () => {
	it('pages through one company to the last page, a credit per record', async () => {
		const company = biggestCompany();
		const staff = sandbox().fixtures.peopleAt(company.id);
		expect(staff.length).toBeGreaterThan(40);
		const ctx = context();

		const pages = [];
		for (let page = 1; pages.length === 0 || pages[pages.length - 1].hasMore; page++) {
			pages.push(await peopleSearch.searchPeople(ctx, { companyDomains: [`https://${company.domain}`] }, page, 20));
		}

		const expectedPages = Math.ceil(staff.length / 20);
		expect(calls('/prospector-search').map((entry) => entry.body)).toEqual(
			Array.from({ length: expectedPages }, (_, index) => ({ domain: company.domain, page: index + 1, per_page: 20 })),
		);
		const ids = pages.flatMap((page) => page.records.map((record) => record.person?.ids?.upLead));
		expect(new Set(ids).size).toBe(staff.length);
		expect(pages.every((page) => page.total === staff.length)).toBe(true);
		expect(sandbox().state.upLead.creditsUsed).toBe(staff.length);
	});

	it('sends one lower-case job function, one management level code, titles and countries, and maps people', async () => {
		const company = biggestCompany();
		const staff = sandbox().fixtures.peopleAt(company.id);
		const person = staff.find((entry) => entry.department === 'human_resources' && entry.seniority === 'manager')!;
		expect(person).toBeDefined();
		const result = await peopleSearch.searchPeople(
			context(),
			{
				companyDomains: [company.domain],
				departments: ['human_resources'],
				seniorities: ['manager'],
				jobTitles: [person.title],
				personLocations: [company.country],
			},
			1,
			peopleSearch.maxPageSize,
		);
		expect(calls('/prospector-search')[0].body).toEqual({
			domain: company.domain,
			job_function: 'human resources',
			management_level: 'M',
			titles: [person.title],
			countries: [company.country],
			page: 1,
			per_page: 100,
		});
		const expected = staff.filter(
			(entry) =>
				entry.department === 'human_resources' &&
				entry.seniority === 'manager' &&
				entry.title.toLowerCase().includes(person.title.toLowerCase()) &&
				entry.country === company.country,
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(result.records.map((record) => record.person?.ids?.upLead).sort()).toEqual(expected.map((entry) => `p${entry.id}`).sort());

		const record = result.records.find((entry) => entry.person?.ids?.upLead === `p${person.id}`);
		const knowsEmail = person.knownBy.upLead && person.email !== null;
		expect(record?.person).toEqual({
			firstName: person.firstName,
			lastName: person.lastName,
			fullName: `${person.firstName} ${person.lastName}`,
			...(knowsEmail ? { email: person.email, emailStatus: person.emailConfidence >= 70 ? 'verified' : 'catchAll' } : {}),
			title: person.title,
			seniority: 'M',
			department: 'human resources',
			...phonesOf(person),
			linkedinUrl: person.linkedinUrl,
			location: { city: person.city, state: person.state, country: person.country },
			companyName: company.name,
			companyDomain: company.domain,
			ids: { upLead: `p${person.id}` },
		});
	});

	it('sends seniorities that share a code as that one code, and accepts UpLead codes and spellings of a function', async () => {
		const company = biggestCompany();
		await peopleSearch.searchPeople(
			context(),
			{ companyDomains: [company.domain], seniorities: ['owner', 'founder', 'c_suite', 'partner'], departments: ['Sales'] },
			1,
			10,
		);
		await peopleSearch.searchPeople(
			context(),
			{ companyDomains: [company.domain], seniorities: ['vp', 'head', 'VP'], departments: ['Human Resources', 'human-resources'] },
			1,
			10,
		);
		await peopleSearch.searchPeople(context(), { companyDomains: [company.domain], seniorities: ['director', 'd'] }, 1, 10);
		expect(calls('/prospector-search').map((entry) => entry.body)).toEqual([
			{ domain: company.domain, management_level: 'C', job_function: 'sales', page: 1, per_page: 10 },
			{ domain: company.domain, management_level: 'VP', job_function: 'human resources', page: 1, per_page: 10 },
			{ domain: company.domain, management_level: 'D', page: 1, per_page: 10 },
		]);
		const staff = sandbox().fixtures.peopleAt(company.id);
		expect(sandbox().state.upLead.creditsUsed).toBe(
			Math.min(10, staff.filter((p) => p.department === 'sales' && ['owner', 'founder', 'c_suite'].includes(p.seniority)).length) +
				Math.min(10, staff.filter((p) => p.department === 'human_resources' && p.seniority === 'vp').length) +
				Math.min(10, staff.filter((p) => p.seniority === 'director').length),
		);
	});

	it('refuses seniorities without a code, several levels, unknown and several job functions, sending nothing', async () => {
		const ctx = context();
		const search = (filters: Parameters<typeof peopleSearch.searchPeople>[1]) =>
			failureOf(peopleSearch.searchPeople(ctx, { companyDomains: ['a.example'], ...filters }, 1, 100));

		const noCode = await search({ seniorities: ['manager', 'senior', 'entry', 'intern'] });
		expect(noCode.message).toBe('UpLead people search has no management level for senior, entry, intern');
		const levels = await search({ seniorities: ['director', 'manager'] });
		expect(levels.message).toBe('UpLead people search takes one management level per search');
		expect((levels as { description?: string }).description).toBe('These seniorities name D, M: search each level on its own item.');
		const unknown = await search({ departments: ['it', 'sales'] });
		expect(unknown.message).toBe('UpLead people search has no job function it');
		expect((unknown as { description?: string }).description).toBe(
			"UpLead's job functions are: advisory, analyst, creative, education, engineering, finance, fulfillment, health, hospitality, " +
				'human resources, legal, manufacturing, marketing, operations, partnerships, product, professional service, public service, ' +
				'research, sales, sales engineering, support, trade, unemployed.',
		);
		const functions = await search({ departments: ['sales', 'marketing'] });
		expect(functions.message).toBe('UpLead people search takes one job function per search');
		expect(calls('/')).toHaveLength(0);
	});

	it('refuses searches it cannot run on one domain or with filters it cannot apply, sending nothing', async () => {
		const ctx = context();
		const none = await failureOf(peopleSearch.searchPeople(ctx, { seniorities: ['vp'] }, 1, 100));
		expect(none.message).toBe('UpLead people search needs exactly one company domain');
		const two = await failureOf(peopleSearch.searchPeople(ctx, { companyDomains: ['a.example', 'b.example'] }, 1, 100));
		expect(two.message).toBe('UpLead people search needs exactly one company domain');
		const keywords = await failureOf(
			peopleSearch.searchPeople(
				ctx,
				{ companyDomains: ['a.example'], jobTitles: ['CTO'], companyNames: ['Acme'], keywords: 'cloud' },
				1,
				100,
			),
		);
		expect(keywords.message).toBe('UpLead people search cannot filter by company names, keywords');
		expect(calls('/')).toHaveLength(0);
	});
});

describe('UpLead enrichment', () => {
	it('spends a credit on a person found and none on one not found', async () => {
		const person = known()[0];
		const company = companyOf(person);
		const ctx = context();

		const outcomes = await personEnricher.enrichPeople(ctx, [
			{ email: person.email! },
			{ email: 'ghost@nowhere.example' },
			{ fullName: `${person.firstName} ${person.lastName}`, domain: company.domain },
		]);

		expect(outcomes.map((outcome) => [outcome.status, outcome.credits])).toEqual([
			['matched', 1],
			['noMatch', 0],
			['matched', 1],
		]);
		expect(calls('/person-search').map((entry) => entry.query)).toEqual([
			{ email: person.email },
			{ email: 'ghost@nowhere.example' },
			{ first_name: person.firstName, last_name: person.lastName, domain: company.domain },
		]);
		expect(outcomes[0].record?.person).toMatchObject({
			email: person.email,
			title: person.title,
			companyDomain: company.domain,
			ids: { upLead: `p${person.id}` },
		});
		expect(outcomes[0].record?.company).toMatchObject({
			name: company.name,
			domain: company.domain,
			employeeCount: company.employees,
			revenue: company.revenueUsd,
			ids: { upLead: `c${company.id}` },
		});
		expect(sandbox().state.upLead.creditsUsed).toBe(2);
		expect((await usage.getUsage(ctx)).figures).toEqual([{ name: 'credits', remaining: 4998 }]);
	});

	it('only accepts people it can find by email or by name and domain', () => {
		expect(personEnricher.accepts({ email: 'ada@example.com' })).toBe(true);
		expect(personEnricher.accepts({ firstName: 'Ada', lastName: 'Lovelace', domain: 'example.com' })).toBe(true);
		expect(personEnricher.accepts({ firstName: 'Ada', lastName: 'Lovelace', companyName: 'Analytical Engines' })).toBe(false);
		expect(personEnricher.accepts({ linkedinUrl: 'https://www.linkedin.com/in/ada' })).toBe(false);
	});

	it('enriches companies by domain or name', async () => {
		const [byDomain, byName] = sandbox().fixtures.companies.slice(20, 22);
		const outcomes = await companyEnricher.enrichCompanies(context(), [
			{ domain: byDomain.domain },
			{ name: byName.name },
			{ domain: 'nowhere.example' },
		]);
		expect(outcomes.map((outcome) => [outcome.status, outcome.credits])).toEqual([
			['matched', 1],
			['matched', 1],
			['noMatch', 0],
		]);
		expect(calls('/company-search').map((entry) => entry.query)).toEqual([
			{ domain: byDomain.domain },
			{ company: byName.name },
			{ domain: 'nowhere.example' },
		]);
		expect(outcomes[0].record?.company).toEqual({
			name: byDomain.name,
			domain: byDomain.domain,
			industry: byDomain.industry,
			employeeCount: byDomain.employees,
			revenue: byDomain.revenueUsd,
			phone: byDomain.phone,
			address: { city: byDomain.city, state: byDomain.state, country: byDomain.country },
			linkedinUrl: byDomain.linkedinUrl,
			ids: { upLead: `c${byDomain.id}` },
		});
		expect(outcomes[1].record?.company?.name).toBe(byName.name);
	});

	it('fails with quotaExhausted once the credits are spent', async () => {
		sandbox().configure({ upLead: { credits: 1 } });
		const [first, second] = known();
		const ctx = context();
		expect((await personEnricher.enrichPeople(ctx, [{ email: first.email! }]))[0].status).toBe('matched');

		const error = await failureOf(personEnricher.enrichPeople(ctx, [{ email: second.email! }]));

		expect(isProviderApiError(error, 'quotaExhausted')).toBe(true);
		expect((error as { status?: number }).status).toBe(402);
		expect(calls('/person-search')).toHaveLength(2);
	});
});
