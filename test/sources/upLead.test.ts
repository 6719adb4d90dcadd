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

	it('maps departments, seniorities and locations to UpLead filters and people to the normalized shape', async () => {
		const company = biggestCompany();
		const result = await peopleSearch.searchPeople(
			context(),
			{
				companyDomains: [company.domain],
				departments: ['human_resources', 'sales'],
				seniorities: ['director', 'manager', 'senior', 'entry'],
				personLocations: [company.country],
			},
			1,
			peopleSearch.maxPageSize,
		);
		expect(calls('/prospector-search')[0].body).toEqual({
			domain: company.domain,
			job_function: ['Human Resources', 'Sales'],
			management_level: ['Director-Level', 'Manager-Level', 'Non-Manager'],
			countries: [company.country],
			page: 1,
			per_page: 100,
		});
		const expected = sandbox()
			.fixtures.peopleAt(company.id)
			.filter(
				(person) =>
					['human_resources', 'sales'].includes(person.department) &&
					['director', 'manager', 'senior', 'entry'].includes(person.seniority) &&
					person.country === company.country,
			);
		expect(result.records.map((record) => record.person?.ids?.upLead).sort()).toEqual(expected.map((person) => `p${person.id}`).sort());

		const person = expected.find((entry) => entry.knownBy.upLead && entry.email !== null)!;
		expect(person).toBeDefined();
		const record = result.records.find((entry) => entry.person?.ids?.upLead === `p${person.id}`);
		expect(record?.person).toEqual({
			firstName: person.firstName,
			lastName: person.lastName,
			fullName: `${person.firstName} ${person.lastName}`,
			email: person.email,
			emailStatus: person.emailConfidence >= 70 ? 'verified' : 'catchAll',
			title: person.title,
			seniority: { director: 'Director-Level', manager: 'Manager-Level' }[person.seniority as string] ?? 'Non-Manager',
			department: { human_resources: 'Human Resources', sales: 'Sales' }[person.department as string],
			...phonesOf(person),
			linkedinUrl: person.linkedinUrl,
			location: { city: person.city, state: person.state, country: person.country },
			companyName: company.name,
			companyDomain: company.domain,
			ids: { upLead: `p${person.id}` },
		});
	});

	it('refuses searches it cannot run on one domain or with filters it cannot apply, sending nothing', async () => {
		const ctx = context();
		const none = await failureOf(peopleSearch.searchPeople(ctx, { seniorities: ['vp'] }, 1, 100));
		expect(none.message).toBe('UpLead people search needs exactly one company domain');
		const two = await failureOf(peopleSearch.searchPeople(ctx, { companyDomains: ['a.example', 'b.example'] }, 1, 100));
		expect(two.message).toBe('UpLead people search needs exactly one company domain');
		const titles = await failureOf(
			peopleSearch.searchPeople(ctx, { companyDomains: ['a.example'], jobTitles: ['CTO'], keywords: 'cloud' }, 1, 100),
		);
		expect(titles.message).toBe('UpLead people search cannot filter by job titles, keywords');
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
