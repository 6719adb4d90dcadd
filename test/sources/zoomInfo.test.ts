import { zoomInfoModule } from '../../lib/sources/zoomInfo';
import { zoomInfoJson } from '../../lib/sources/zoomInfo/call';
import { outcomeOf } from '../../lib/sources/zoomInfo/enrich';
import { contactRecord } from '../../lib/sources/zoomInfo/map';
import type { CompanyLookup, LookupOutcome, PersonLookup } from '../../lib/sources/contracts';
import { isProviderApiError } from '../../lib/transport';
import { failureOf, useSandbox } from '../credentials-flow/flow';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import type { FixturePerson } from '../../sandbox/server';
import { zoomInfoCompanyId, zoomInfoPersonId } from '../../sandbox/zoominfo-data';
import { lostAnswerFaults } from '../faults/fixtures';
import { providerContext } from '../harness/transport-context';

const sandbox = useSandbox();
const { username, password } = SANDBOX_CREDENTIALS.zoomInfo;
const context = () =>
	providerContext('b2bZoomInfoJwtApi', { baseUrl: sandbox().baseUrl('zoomInfo'), authMethod: 'password', username, password });
const calls = (path: string) => sandbox().requests({ provider: 'zoomInfo', pathIncludes: path });
const bodies = (path: string) => calls(path).map((entry) => entry.body as Record<string, unknown>);

const { peopleSearch, companySearch, personEnricher, companyEnricher, usage } = zoomInfoModule;
if (!peopleSearch || !companySearch || !personEnricher || !companyEnricher) throw new Error('ZoomInfo module lacks a capability');

const people = () => sandbox().fixtures.people;
const companyOf = (person: FixturePerson) => sandbox().fixtures.company(person.companyId)!;
const knownEmails = () => people().filter((person) => person.knownBy.zoomInfo && person.email !== null);
const biggestCompany = () =>
	[...sandbox().fixtures.companies].sort((a, b) => sandbox().fixtures.peopleAt(b.id).length - sandbox().fixtures.peopleAt(a.id).length)[0];
const statuses = (outcomes: LookupOutcome[]) => outcomes.map((outcome) => outcome.status);

describe('ZoomInfo people search', () => {
	it('maps contacts and pages with the largest page until the last one', async () => {
		const directors = people().filter((person) => person.seniority === 'director');
		expect(directors.length).toBeGreaterThanOrEqual(120);
		expect(directors.length).toBeLessThanOrEqual(260);
		const ctx = context();

		const pages = [];
		for (let page = 1; pages.length === 0 || pages[pages.length - 1].hasMore; page++) {
			pages.push(await peopleSearch.searchPeople(ctx, { seniorities: ['director'] }, page, peopleSearch.maxPageSize));
		}

		const expectedPages = Math.ceil(directors.length / 100);
		expect(bodies('/search/contact')).toEqual(
			Array.from({ length: expectedPages }, (_, index) => ({ managementLevel: 'Director', rpp: 100, page: index + 1 })),
		);
		const records = pages.flatMap((page) => page.records);
		const ids = records.map((record) => record.person?.ids?.zoomInfo);
		expect(new Set(ids).size).toBe(directors.length);
		expect(pages.every((page) => page.total === directors.length)).toBe(true);

		const director = directors[0];
		const company = companyOf(director);
		const record = records.find((entry) => entry.person?.ids?.zoomInfo === String(zoomInfoPersonId(director)));
		expect(record?.person).toEqual({
			firstName: director.firstName,
			lastName: director.lastName,
			fullName: `${director.firstName} ${director.lastName}`,
			title: director.title,
			seniority: 'Director',
			department: director.department,
			linkedinUrl: director.linkedinUrl,
			location: { city: director.city, state: director.state, country: director.country },
			companyName: company.name,
			companyDomain: company.domain,
			ids: { zoomInfo: String(zoomInfoPersonId(director)) },
		});
		expect(record?.company).toEqual({
			name: company.name,
			domain: company.domain,
			website: `www.${company.domain}`,
			ids: { zoomInfo: String(zoomInfoCompanyId(company)) },
		});
	});

	it('sends the filters flat, as ZoomInfo names them, with additional fields last', async () => {
		const company = biggestCompany();
		const result = await peopleSearch.searchPeople(
			context(),
			{
				jobTitles: ['Manager'],
				seniorities: ['c_suite', 'Owner', 'VP Level Exec', 'director'],
				companyDomains: [`https://www.${company.domain}/about`],
				employeeRange: { min: 1 },
				additional: { jobTitle: 'Director', sortBy: 'lastName' },
			},
			1,
			50,
		);
		expect(bodies('/search/contact')).toEqual([
			{
				jobTitle: 'Director',
				managementLevel: 'C Level Exec,VP Level Exec,Director',
				companyWebsite: company.domain,
				employeeRangeMin: '1',
				sortBy: 'lastName',
				rpp: 50,
				page: 1,
			},
		]);
		const directors = sandbox()
			.fixtures.peopleAt(company.id)
			.filter((person) => person.seniority === 'director');
		expect(directors.length).toBeGreaterThan(0);
		expect(result.records.map((record) => record.person?.lastName)).toEqual(
			directors.map((person) => person.lastName).sort((a, b) => a.localeCompare(b)),
		);
	});

	it('joins several titles with OR and refuses keywords it cannot apply, sending nothing', async () => {
		const ctx = context();
		await peopleSearch.searchPeople(ctx, { jobTitles: ['Head of Sales', 'CFO'], personLocations: ['Germany', 'France'] }, 1, 10);
		expect(bodies('/search/contact')[0]).toMatchObject({
			jobTitle: 'Head of Sales OR CFO',
			country: 'Germany,France',
			locationSearchType: 'Person',
		});

		sandbox().clearLog();
		const error = await failureOf(peopleSearch.searchPeople(ctx, { keywords: 'cloud' }, 1, 10));
		expect(error.message).toBe('ZoomInfo people search has no keyword filter');
		expect(calls('/search')).toHaveLength(0);
	});
});

describe('ZoomInfo company search', () => {
	it('finds a company by website and counts companies in an employee range', async () => {
		const ctx = context();
		const company = sandbox().fixtures.companies[7];
		const byWebsite = await companySearch.searchCompanies(ctx, { domains: [`http://www.${company.domain}`] }, 1, 100);
		expect(byWebsite).toEqual({
			records: [
				{
					company: { name: company.name, ids: { zoomInfo: String(zoomInfoCompanyId(company)) } },
					raw: { id: zoomInfoCompanyId(company), name: company.name },
				},
			],
			total: 1,
			hasMore: false,
		});

		const midSized = sandbox().fixtures.companies.filter((entry) => entry.employees >= 100 && entry.employees <= 1000);
		const page = await companySearch.searchCompanies(ctx, { employeeRange: { min: 100, max: 1000 } }, 1, 100);
		expect(page.total).toBe(midSized.length);
		expect(page.hasMore).toBe(midSized.length > 100);
		expect(bodies('/search/company')[1]).toEqual({ employeeRangeMin: '100', employeeRangeMax: '1000', rpp: 100, page: 1 });
	});
});

describe('ZoomInfo person enrichment', () => {
	it('enriches 60 lookups in calls of 25, 25 and 10 with outcomes in input order', async () => {
		const known = knownEmails();
		const lookupKinds: Array<(index: number) => { lookup: PersonLookup; matches: boolean }> = [
			(index) => ({ lookup: { email: known[index].email! }, matches: true }),
			(index) => ({ lookup: { email: `ghost${index}@nowhere.example` }, matches: false }),
			(index) => ({ lookup: { ids: { zoomInfo: String(zoomInfoPersonId(people()[index])) } }, matches: true }),
			(index) => ({
				lookup: { firstName: people()[index].firstName, lastName: people()[index].lastName, companyName: companyOf(people()[index]).name },
				matches: true,
			}),
			(index) => ({
				lookup: { fullName: `${people()[index].firstName} ${people()[index].lastName}`, companyName: `Nowhere ${index} Ltd` },
				matches: false,
			}),
		];
		const cases = Array.from({ length: 60 }, (_, index) => lookupKinds[index % lookupKinds.length](index));

		const outcomes = await personEnricher.enrichPeople(
			context(),
			cases.map((entry) => entry.lookup),
		);

		expect(bodies('/enrich/contact').map((body) => (body.matchPersonInput as unknown[]).length)).toEqual([25, 25, 10]);
		expect(statuses(outcomes)).toEqual(cases.map((entry) => (entry.matches ? 'matched' : 'noMatch')));
		expect(outcomes.map((outcome) => outcome.credits)).toEqual(cases.map((entry) => (entry.matches ? 1 : 0)));
		expect(sandbox().stats().credits.zoomInfo).toBe(cases.filter((entry) => entry.matches).length);

		expect((bodies('/enrich/contact')[0].matchPersonInput as unknown[]).slice(0, 5)).toEqual([
			{ emailAddress: known[0].email },
			{ emailAddress: 'ghost1@nowhere.example' },
			{ personId: String(zoomInfoPersonId(people()[2])) },
			{ firstName: people()[3].firstName, lastName: people()[3].lastName, companyName: companyOf(people()[3]).name },
			{ fullName: `${people()[4].firstName} ${people()[4].lastName}`, companyName: 'Nowhere 4 Ltd' },
		]);
		const person = known[0];
		expect(outcomes[0].record?.person).toMatchObject({
			email: person.email,
			emailStatus: 'unknown',
			emailConfidence: person.emailConfidence,
			title: person.title,
			ids: { zoomInfo: String(zoomInfoPersonId(person)) },
		});
		expect(outcomes[0].record?.person?.phones ?? []).toEqual([
			...(person.phone ? [{ number: person.phone, type: 'direct' }] : []),
			...(person.mobilePhone ? [{ number: person.mobilePhone, type: 'mobile' }] : []),
		]);
		expect(outcomes[0].record?.company).toMatchObject({ name: companyOf(person).name, domain: companyOf(person).domain });
	});

	it('marks only the records past the record limit as quotaExhausted', async () => {
		sandbox().configure({ zoomInfo: { recordLimit: 3 } });
		const known = knownEmails().slice(0, 5);
		const lookups: PersonLookup[] = [
			known[0],
			known[1],
			{ email: 'ghost@nowhere.example' } as FixturePerson,
			known[2],
			known[3],
			known[4],
		].map((person) => ({ email: person.email! }));

		const outcomes = await personEnricher.enrichPeople(context(), lookups);

		expect(statuses(outcomes)).toEqual(['matched', 'matched', 'noMatch', 'matched', 'error', 'error']);
		expect(outcomes.map((outcome) => outcome.error?.kind)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
			'quotaExhausted',
			'quotaExhausted',
		]);
		expect(outcomes.map((outcome) => outcome.credits)).toEqual([1, 1, 0, 1, 0, 0]);
		expect(outcomes[4].record).toBeUndefined();
	});

	it('does not send lookups it cannot match, and does not output opted-out people', async () => {
		const unusable: PersonLookup = { firstName: 'Ada', lastName: 'Lovelace' };
		expect(personEnricher.accepts(unusable)).toBe(false);
		expect(personEnricher.accepts({ linkedinUrl: 'https://www.linkedin.com/in/ada' })).toBe(true);
		expect(await personEnricher.enrichPeople(context(), [unusable])).toEqual([
			{ status: 'error', credits: 0, error: { kind: 'invalidInput', message: 'ZoomInfo cannot look this up: not enough to match on' } },
		]);
		expect(calls('/enrich')).toHaveLength(0);

		const optedOut = { input: { emailAddress: 'ada@example.com' }, data: [{ id: 1, firstName: 'Ada' }], matchStatus: 'OPT_OUT' };
		expect(outcomeOf(optedOut, contactRecord)).toEqual({ status: 'noMatch', credits: 0 });
	});
});

describe('ZoomInfo person enrichment of leads known by name and company domain', () => {
	const leadsAt = (count: number) =>
		sandbox()
			.fixtures.companies.filter((company) =>
				sandbox()
					.fixtures.peopleAt(company.id)
					.some((person) => person.knownBy.zoomInfo),
			)
			.slice(0, count)
			.map((company) =>
				sandbox()
					.fixtures.peopleAt(company.id)
					.find((person) => person.knownBy.zoomInfo)!,
			);

	it('resolves each domain to its company id once, in batches, then matches the people by name and company id', async () => {
		const persons = leadsAt(30);
		const lookups: PersonLookup[] = [...persons, ...persons.slice(0, 5)].map((person) => ({
			firstName: person.firstName,
			lastName: person.lastName,
			domain: companyOf(person).domain,
		}));
		expect(lookups.every((lookup) => personEnricher.accepts(lookup))).toBe(true);

		const outcomes = await personEnricher.enrichPeople(context(), lookups);

		expect(bodies('/enrich/company').map((body) => body.matchCompanyInput)).toEqual([
			persons.slice(0, 25).map((person) => ({ companyWebsite: companyOf(person).domain })),
			persons.slice(25).map((person) => ({ companyWebsite: companyOf(person).domain })),
		]);
		const sent = bodies('/enrich/contact').flatMap((body) => body.matchPersonInput as Array<Record<string, unknown>>);
		expect(sent).toHaveLength(lookups.length);
		expect(sent.every((input) => !('companyWebsite' in input))).toBe(true);
		expect(sent[0]).toEqual({
			firstName: persons[0].firstName,
			lastName: persons[0].lastName,
			companyId: String(zoomInfoCompanyId(companyOf(persons[0]))),
		});
		expect(statuses(outcomes)).toEqual(lookups.map(() => 'matched'));
		expect(outcomes.map((outcome) => outcome.record?.person?.ids?.zoomInfo)).toEqual(
			[...persons, ...persons.slice(0, 5)].map((person) => String(zoomInfoPersonId(person))),
		);
		// A company is paid for once, by the first lead at its domain: 30 companies and 35 people.
		expect(outcomes.map((outcome) => outcome.credits)).toEqual([...persons.map(() => 2), ...persons.slice(0, 5).map(() => 1)]);
		expect(sandbox().stats().credits.zoomInfo).toBe(65);
	});

	it('counts a company lookup whose answer was lost after ZoomInfo charged on the first lead at the domain, as what the answer cost', async () => {
		sandbox().configure({ faults: lostAnswerFaults('zoomInfo', [true]) });
		const persons = leadsAt(3);
		const lookups: PersonLookup[] = [...persons, persons[0]].map((person) => ({
			firstName: person.firstName,
			lastName: person.lastName,
			domain: companyOf(person).domain,
		}));

		const outcomes = await personEnricher.enrichPeople(context(), lookups);

		expect(calls('/enrich/company').map((entry) => entry.fault ?? entry.status)).toEqual(['dropAfterWrite', 200]);
		expect(statuses(outcomes)).toEqual(lookups.map(() => 'matched'));
		// Each company twice (the lost answer and the one sent again) and each contact once, on the first lead at the domain.
		expect(outcomes.map((outcome) => [outcome.credits, outcome.lost])).toEqual([
			...persons.map(() => [3, { sends: 1, credits: 1 }]),
			[1, undefined],
		]);
		expect(outcomes.reduce((sum, outcome) => sum + outcome.credits, 0)).toBe(sandbox().stats().credits.zoomInfo);
	});

	it('looks a domain up once per run, across calls, and answers no match where ZoomInfo has no such company', async () => {
		const [person] = leadsAt(1);
		const lead: PersonLookup = { firstName: person.firstName, lastName: person.lastName, domain: companyOf(person).domain };
		const stranger: PersonLookup = { firstName: 'Ada', lastName: 'Lovelace', domain: 'nowhere.example' };
		const ctx = context();

		const first = await personEnricher.enrichPeople(ctx, [lead, stranger]);
		const second = await personEnricher.enrichPeople(ctx, [lead]);

		expect(calls('/enrich/company')).toHaveLength(1);
		expect(statuses(first)).toEqual(['matched', 'noMatch']);
		expect(first.map((outcome) => outcome.credits)).toEqual([2, 0]);
		expect(second.map((outcome) => [outcome.status, outcome.credits])).toEqual([['matched', 1]]);
		expect(bodies('/enrich/contact').flatMap((body) => body.matchPersonInput as unknown[])).toHaveLength(2);
	});

	it('is refused, as ZoomInfo refuses it, when a person input carries a field Enrich Contact does not document', async () => {
		const [person] = leadsAt(1);
		const error = await failureOf(
			zoomInfoJson(context(), {
				method: 'POST',
				path: '/enrich/contact',
				body: {
					matchPersonInput: [{ firstName: person.firstName, lastName: person.lastName, companyWebsite: companyOf(person).domain }],
					outputFields: ['id'],
				},
			}),
		);
		expect(isProviderApiError(error)).toBe(true);
		expect((error as Error).message).toBe('ZoomInfo: Invalid matchPersonInput field(s): companyWebsite (HTTP 400)');
	});
});

describe('ZoomInfo company enrichment and usage', () => {
	it('enriches companies by website, name and id, mapping firmographics', async () => {
		const [byDomain, byName, byId] = sandbox().fixtures.companies.slice(10, 13);
		const lookups: CompanyLookup[] = [
			{ domain: byDomain.domain },
			{ name: byName.name },
			{ ids: { zoomInfo: String(zoomInfoCompanyId(byId)) } },
			{ domain: 'nowhere.example' },
		];

		const outcomes = await companyEnricher.enrichCompanies(context(), lookups);

		expect(statuses(outcomes)).toEqual(['matched', 'matched', 'matched', 'noMatch']);
		expect(outcomes.map((outcome) => outcome.record?.company?.name)).toEqual([byDomain.name, byName.name, byId.name, undefined]);
		expect(outcomes[0].record?.company).toEqual({
			name: byDomain.name,
			domain: byDomain.domain,
			website: `www.${byDomain.domain}`,
			industry: byDomain.industry,
			employeeCount: byDomain.employees,
			revenue: Math.round(byDomain.revenueUsd / 1000) * 1000,
			phone: byDomain.phone,
			address: { city: byDomain.city, state: byDomain.state, country: byDomain.country },
			linkedinUrl: byDomain.linkedinUrl,
			ids: { zoomInfo: String(zoomInfoCompanyId(byDomain)) },
		});
		expect(bodies('/enrich/company')).toHaveLength(1);
		expect(bodies('/enrich/company')[0].matchCompanyInput).toEqual([
			{ companyWebsite: byDomain.domain },
			{ companyName: byName.name },
			{ companyId: String(zoomInfoCompanyId(byId)) },
			{ companyWebsite: 'nowhere.example' },
		]);
	});

	it('reports each limit ZoomInfo meters', async () => {
		const ctx = context();
		await personEnricher.enrichPeople(
			ctx,
			knownEmails()
				.slice(0, 2)
				.map((person) => ({ email: person.email! })),
		);
		const report = await usage.getUsage(ctx);
		expect(report.provider).toBe('zoomInfo');
		expect(report.figures).toEqual([
			{ name: 'requestLimit', limit: 25_000, used: 2, remaining: 24_998 },
			{ name: 'recordLimit', limit: 1_000, used: 2, remaining: 998 },
			{ name: 'uniqueIdLimit', limit: 5_000, used: 2, remaining: 4_998 },
		]);
	});

	it('fails with a ProviderApiError that stops the provider once the request limit is used up', async () => {
		sandbox().configure({ zoomInfo: { requestLimit: 0 } });
		const error = await failureOf(usage.getUsage(context()));
		expect(isProviderApiError(error)).toBe(true);
		expect((error as { status?: number }).status).toBe(403);
		// The transport reads a bare 403 as `auth`; the report proposes `quotaExhausted`. Both stop the provider for the run.
		expect(['auth', 'quotaExhausted']).toContain(error.kind);
		expect(calls('/lookup/usage')).toHaveLength(1);
	});
});
