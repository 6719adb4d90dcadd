import { hunterModule } from '../../lib/sources/hunter';
import { createHunterVerifier } from '../../lib/sources/hunter/verifier';
import type { HunterVerification } from '../../lib/sources/hunter';
import type { ProviderModule } from '../../lib/sources/contracts';
import { isProviderApiError } from '../../lib/transport';
import type { TransportContext } from '../../lib/transport';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox } from '../../sandbox/server';
import type { FixturePerson, Sandbox } from '../../sandbox/server';
import { providerContext } from '../harness/transport-context';

const { personEnricher, emailVerifier, domainSearcher, usage } = hunterModule as Required<ProviderModule>;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const context = () => providerContext('b2bHunterApi', { baseUrl: sandbox.baseUrl('hunter'), apiKey: SANDBOX_CREDENTIALS.hunter.apiKey });
const calls = (path: string) => sandbox.requests({ provider: 'hunter', pathIncludes: path });
const companyOf = (person: FixturePerson) => sandbox.fixtures.company(person.companyId)!;
const uniqueAtCompany = (person: FixturePerson) =>
	sandbox.fixtures.peopleAt(person.companyId).filter((other) => other.firstName === person.firstName && other.lastName === person.lastName)
		.length === 1;
const caught = async (promise: Promise<unknown>) =>
	await promise.then(
		() => undefined,
		(error: unknown) => error,
	);

describe('Hunter email finder', () => {
	it('finds an email by name and domain for one search credit', async () => {
		const person = sandbox.fixtures.people.find((entry) => entry.knownBy.hunter && entry.phone !== null && uniqueAtCompany(entry))!;
		const company = companyOf(person);
		const [outcome] = await personEnricher.enrichPeople(context(), [
			{ firstName: person.firstName, lastName: person.lastName, domain: `www.${company.domain}` },
		]);
		expect(outcome).toMatchObject({ status: 'matched', credits: 1 });
		expect(outcome.record?.person).toEqual({
			firstName: person.firstName,
			lastName: person.lastName,
			fullName: `${person.firstName} ${person.lastName}`,
			email: person.email,
			emailStatus: company.catchAll ? 'catchAll' : 'verified',
			emailConfidence: person.emailConfidence,
			title: person.title,
			phones: [{ number: person.phone }],
			linkedinUrl: person.linkedinUrl,
			companyName: company.name,
			companyDomain: company.domain,
		});
		expect(outcome.record?.company).toEqual({ name: company.name, domain: company.domain });
		expect(calls('/email-finder').map((entry) => entry.query)).toEqual([
			{ domain: company.domain, first_name: person.firstName, last_name: person.lastName },
		]);
		expect(sandbox.state.hunter.quotaUsed.searches).toBe(1);
	});

	it('answers noMatch for free when Hunter has no email, and looks up by full name at a company name', async () => {
		const person = sandbox.fixtures.people.find((entry) => !entry.knownBy.hunter && uniqueAtCompany(entry))!;
		const company = companyOf(person);
		const [outcome] = await personEnricher.enrichPeople(context(), [
			{ fullName: `${person.firstName} ${person.lastName}`, companyName: company.name },
		]);
		expect(outcome).toEqual({ status: 'noMatch', credits: 0 });
		expect(calls('/email-finder')[0].query).toEqual({ company: company.name, full_name: `${person.firstName} ${person.lastName}` });
		expect(sandbox.state.hunter.quotaUsed.searches).toBe(0);
	});

	it('reports lookups it cannot run as invalid input without calling Hunter', async () => {
		const outcomes = await personEnricher.enrichPeople(context(), [
			{ email: 'someone@example.com' },
			{ fullName: 'Cher', domain: 'example.com' },
			{ firstName: 'A', lastName: 'B' },
		]);
		expect(outcomes.map((outcome) => outcome.error?.kind)).toEqual(['invalidInput', 'invalidInput', 'invalidInput']);
		expect(personEnricher.accepts({ firstName: 'A', lastName: 'B', companyName: 'Acme' })).toBe(true);
		expect(sandbox.log).toHaveLength(0);
	});

	it("reports Hunter's 400 for a lookup on that lookup", async () => {
		const refusing: TransportContext = {
			getNode: () => ({ id: 'fake', name: 'Fake', type: 'fake', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async <T extends object>() => ({ baseUrl: 'http://hunter.invalid', apiKey: 'fake-key' }) as unknown as T,
			helpers: {
				httpRequestWithAuthentication: async () => {
					throw Object.assign(new Error('Request failed with status code 400'), {
						response: { status: 400, headers: {}, data: { errors: [{ id: 'wrong_params', code: 400, details: 'The domain is invalid' }] } },
					});
				},
			},
		};
		const [outcome] = await personEnricher.enrichPeople(refusing, [{ firstName: 'A', lastName: 'B', domain: 'example.com' }]);
		expect(outcome).toEqual({
			status: 'error',
			credits: 0,
			error: { kind: 'invalidInput', message: 'Hunter: The domain is invalid (HTTP 400)' },
		});
	});
});

describe('Hunter email verifier', () => {
	it('polls again while Hunter answers 202, then maps the verdict', async () => {
		sandbox.configure({ hunter: { verifierPendingPolls: 2 } });
		const person = sandbox.fixtures.people.find((entry) => entry.email !== null && !companyOf(entry).catchAll)!;
		const result = await emailVerifier.verifyEmail(context(), person.email!.toUpperCase());
		expect(result).toMatchObject({ email: person.email, status: 'verified', score: 96 });
		expect(calls('/email-verifier').map((entry) => entry.status)).toEqual([202, 202, 200]);
	});

	it.each([
		['anyone@catchall.example', 'catchAll'],
		['someone@gmail.com', 'webmail'],
		['someone@mailinator.com', 'disposable'],
		['nobody.here@{domain}', 'invalid'],
		['who@unknown-domain.example', 'unknown'],
	])('maps %s to %s', async (address, status) => {
		sandbox.configure({ hunter: { verifierPendingPolls: 0, catchAllDomains: ['catchall.example'] } });
		const email = address.replace('{domain}', sandbox.fixtures.companies.find((company) => !company.catchAll)!.domain);
		expect((await emailVerifier.verifyEmail(context(), email)).status).toBe(status);
		expect(calls('/email-verifier')).toHaveLength(1);
	});

	it('gives up after its last poll with status unknown and says why', async () => {
		sandbox.configure({ hunter: { verifierPendingPolls: 10 } });
		const result: HunterVerification = await createHunterVerifier([5, 5]).verifyEmail(context(), 'someone@gmail.com');
		expect(result).toMatchObject({ status: 'unknown', note: expect.stringMatching(/still verifying after 3 calls/) });
		expect(calls('/email-verifier')).toHaveLength(3);
	});

	it('answers invalid for a malformed address without spending a call', async () => {
		expect(await emailVerifier.verifyEmail(context(), 'not-an-email')).toMatchObject({ status: 'invalid' });
		expect(sandbox.log).toHaveLength(0);
	});
});

describe('Hunter domain search', () => {
	it('pages with offset through every email at a domain, mapping people, company and pattern', async () => {
		const company = [...sandbox.fixtures.companies].sort(
			(a, b) => sandbox.fixtures.peopleAt(b.id).length - sandbox.fixtures.peopleAt(a.id).length,
		)[0];
		const known = sandbox.fixtures.peopleAt(company.id).filter((person) => person.knownBy.hunter && person.email !== null);
		const emails: string[] = [];
		let total = Infinity;
		for (let offset = 0; offset < total; offset += 10) {
			const page = await domainSearcher.searchDomain(context(), { domain: company.domain }, offset, 10);
			expect(page).toMatchObject({
				domain: company.domain,
				pattern: company.emailPattern,
				company: { name: company.name, domain: company.domain, industry: company.industry },
			});
			total = page.total!;
			emails.push(...page.people.map((record) => record.person?.email ?? 'missing'));
			if (offset === 0) {
				const person = known[0];
				expect(page.people[0].person).toEqual({
					firstName: person.firstName,
					lastName: person.lastName,
					fullName: `${person.firstName} ${person.lastName}`,
					email: person.email,
					emailStatus: 'verified',
					emailConfidence: person.emailConfidence,
					title: person.title,
					seniority: expect.any(String),
					department: expect.any(String),
					...(person.phone ? { phones: [{ number: person.phone }] } : {}),
					linkedinUrl: person.linkedinUrl,
					companyName: company.name,
					companyDomain: company.domain,
				});
			}
		}
		expect(calls('/domain-search').map((entry) => entry.query.offset)).toEqual(
			Array.from({ length: Math.ceil(total / 10) }, (_, index) => String(index * 10)),
		);
		expect(emails).toHaveLength(total);
		expect(new Set(emails).size).toBe(total);
		expect(emails).toEqual(expect.arrayContaining(known.map((person) => person.email)));
		// Generic mailboxes carry no verification: found, but unconfirmed.
		const generic = await domainSearcher.searchDomain(context(), { companyName: company.name, type: 'generic' }, 0, 100);
		expect(generic.people.map((record) => record.person?.emailStatus)).toEqual(generic.people.map(() => 'guessed'));
	});

	it('sends filters as Hunter lists and caps the page at 100', async () => {
		const company = sandbox.fixtures.companies[0];
		await domainSearcher.searchDomain(
			context(),
			{ domain: `https://${company.domain}`, type: 'personal', seniority: ['senior', 'executive'], department: ['sales', ' it '] },
			5,
			500,
		);
		expect(calls('/domain-search')[0].query).toEqual({
			domain: company.domain,
			limit: '100',
			offset: '5',
			type: 'personal',
			seniority: 'senior,executive',
			department: 'sales,it',
		});
	});
});

describe('Hunter usage and limits', () => {
	it('reads searches, verifications and credits from /account', async () => {
		sandbox.configure({ hunter: { quota: { searches: 50, verifications: 100 } } });
		const person = sandbox.fixtures.people.find((entry) => entry.knownBy.hunter && uniqueAtCompany(entry))!;
		await personEnricher.enrichPeople(context(), [
			{ firstName: person.firstName, lastName: person.lastName, domain: companyOf(person).domain },
		]);
		const report = await usage.getUsage(context());
		expect(report.figures).toEqual([
			{ name: 'searches', used: 1, limit: 50, remaining: 49 },
			{ name: 'verifications', used: 0, limit: 100, remaining: 100 },
			{ name: 'credits', used: 1, limit: 150, remaining: 149 },
		]);
	});

	it('fails with quotaExhausted on a 429 and does not retry it', async () => {
		sandbox.configure({ hunter: { quota: { searches: 0 } } });
		const error = await caught(domainSearcher.searchDomain(context(), { domain: sandbox.fixtures.companies[0].domain }, 0, 10));
		expect(isProviderApiError(error, 'quotaExhausted')).toBe(true);
		expect(calls('/domain-search').map((entry) => entry.status)).toEqual([429]);
	});

	it('waits and retries when Hunter rate-limits with a 403', async () => {
		sandbox.configure({ faults: { providers: { hunter: { burst429: { every: 1, length: 1 } } } } });
		const ctx = context();
		await usage.getUsage(ctx);
		const report = await usage.getUsage(ctx);
		expect(report.figures.length).toBeGreaterThan(0);
		expect(calls('/account').map((entry) => entry.status)).toEqual([200, 403, 200]);
	});
});
