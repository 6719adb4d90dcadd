import type { INodeParameters } from 'n8n-workflow';

import { B2bEnrichment } from '../../nodes/B2bEnrichment/B2bEnrichment.node';
import { emailStatus } from '../../sandbox/apollo-people';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { FixturePerson } from '../../sandbox/fixtures';
import { identifiablePeople, runWithSandbox } from './run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const node = new B2bEnrichment();
const domainOf = (person: FixturePerson) => sandbox.fixtures.company(person.companyId)!.domain;
const identifiable = () => identifiablePeople(sandbox);
const asInput = (person: FixturePerson) => ({
	first_name: person.firstName,
	last_name: person.lastName,
	website: `https://www.${domainOf(person)}/`,
});
const bulkCalls = () => sandbox.requests({ provider: 'apollo', pathIncludes: 'bulk_match' });
const paid = (provider: 'apollo' | 'hunter' | 'zoomInfo' | 'upLead') => sandbox.stats().credits[provider] ?? 0;

describe('B2B Enrichment: Enrich Person', () => {
	it('enriches from one provider, pairs every item and says where each field came from', async () => {
		// Apollo's verified emails: a guessed one would leave the email wanted (see Guessed Emails below).
		const people = identifiable()
			.filter((person) => emailStatus(person) === 'verified')
			.slice(0, 3);
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'person', operation: 'enrich', providers: ['apollo'], inputMode: 'auto', wanted: ['email', 'title'] },
			people.map(asInput),
		);

		expect(output).toHaveLength(3);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.person).toMatchObject({
				email: people[index].email,
				title: people[index].title,
				firstName: people[index].firstName,
			});
			expect(item.json.enrichment).toMatchObject({ complete: true, sources: { email: 'apollo', title: 'apollo', firstName: 'input' } });
			expect(item.json.first_name).toBe(people[index].firstName);
			expect(item.json.raw).toHaveProperty('apollo');
		});
		expect(bulkCalls()).toHaveLength(1);
	});

	it('never pays twice: 100 leads with 30 duplicates cost 70 lookups, 10 per Apollo call', async () => {
		const people = identifiable().slice(0, 70);
		const duplicates = people
			.slice(0, 30)
			.map((person) => ({ first_name: person.firstName.toUpperCase(), last_name: ` ${person.lastName}`, website: domainOf(person) }));
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'person', operation: 'enrich', providers: ['apollo'], inputMode: 'auto', wanted: ['title'] },
			[...people.map(asInput), ...duplicates],
		);

		const details = bulkCalls().map((entry) => (entry.body as { details: unknown[] }).details.length);
		expect(details).toEqual([10, 10, 10, 10, 10, 10, 10]);
		expect(output).toHaveLength(100);
		expect(output[70].json.enrichment).toMatchObject({ duplicateOfItem: 0, creditsSpent: 0 });
		const charged = output.reduce((sum, item) => sum + (item.json.enrichment as { creditsSpent: number }).creditsSpent, 0);
		expect(charged).toBe(paid('apollo'));
	});

	it('runs a waterfall: Hunter is asked only for the people Apollo had no email for', async () => {
		const apolloKnows = identifiable()
			.filter((person) => person.email !== null && person.knownBy.apollo)
			.slice(0, 4);
		const onlyHunterKnows = identifiable()
			.filter((person) => person.email !== null && !person.knownBy.apollo && person.knownBy.hunter)
			.slice(0, 3);
		const output = await runWithSandbox(
			sandbox,
			node,
			{
				resource: 'person',
				operation: 'enrich',
				providers: ['apollo', 'hunter'],
				inputMode: 'auto',
				wanted: ['email'],
				options: { catchAll: 'accept', guessed: 'accept' },
			},
			[...apolloKnows, ...onlyHunterKnows].map(asInput),
		);
		expect(sandbox.requests({ provider: 'hunter', pathIncludes: 'email-finder' })).toHaveLength(3);
		expect(output.slice(0, 4).map((item) => (item.json.enrichment as { sources: { email: string } }).sources.email)).toEqual([
			'apollo',
			'apollo',
			'apollo',
			'apollo',
		]);
		expect(output.slice(4).map((item) => (item.json.person as { email: string }).email)).toEqual(
			onlyHunterKnows.map((person) => person.email),
		);
		expect(
			output
				.slice(4)
				.map((item) =>
					(item.json.enrichment as { attempts: Array<{ provider: string; status: string }> }).attempts.map(
						(attempt) => `${attempt.provider}:${attempt.status}`,
					),
				),
		).toEqual([
			['apollo:matched', 'hunter:matched'],
			['apollo:matched', 'hunter:matched'],
			['apollo:matched', 'hunter:matched'],
		]);
	});

	it('moves on when Apollo runs out of credits, with the reason on the items', async () => {
		sandbox.configure({ apollo: { creditLimit: 10 } });
		const people = identifiable()
			.filter((person) => person.email !== null && person.knownBy.apollo && person.knownBy.hunter)
			.slice(0, 30);
		const output = await runWithSandbox(
			sandbox,
			node,
			{
				resource: 'person',
				operation: 'enrich',
				providers: ['apollo', 'hunter'],
				inputMode: 'auto',
				wanted: ['email'],
				options: { catchAll: 'accept' },
			},
			people.map(asInput),
		);
		expect(output.every((item) => (item.json.person as { email?: string }).email !== undefined)).toBe(true);
		const apolloAttempts = output.map(
			(item) => (item.json.enrichment as { attempts: Array<{ provider: string; status: string; reason?: string }> }).attempts[0],
		);
		expect(apolloAttempts.filter((attempt) => attempt.status === 'matched')).toHaveLength(10);
		expect(apolloAttempts.filter((attempt) => attempt.status !== 'matched').every((attempt) => /credits/i.test(attempt.reason ?? ''))).toBe(
			true,
		);
		expect(
			sandbox.requests({ provider: 'apollo', pathIncludes: 'bulk_match' }).filter((entry) => entry.status === 422).length,
		).toBeLessThanOrEqual(2);
	});

	it('stops before spending anything when an item is bad, naming the item and field', async () => {
		const good = identifiable().slice(0, 3).map(asInput);
		await expect(
			runWithSandbox(
				sandbox,
				node,
				{ resource: 'person', operation: 'enrich', providers: ['apollo'], inputMode: 'auto', wanted: ['email'] },
				[...good, { email: 'not an email' }],
			),
		).rejects.toThrow('Item 3: email "not an email" is not a valid email address');
		expect(sandbox.requests({ provider: 'apollo' })).toHaveLength(0);
	});

	it('with Continue On Fail, passes a bad item through with its error and enriches the rest', async () => {
		const good = identifiable()
			.filter((person) => person.knownBy.apollo)
			.slice(0, 2)
			.map(asInput);
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'person', operation: 'enrich', providers: ['apollo'], inputMode: 'auto', wanted: ['title'] },
			[good[0], { first_name: 'Solo' }, good[1]],
			{ continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json).toEqual({
			first_name: 'Solo',
			error: 'Item 1: nothing to look the person up by: give an email, a LinkedIn URL, or a first and last name with a company domain',
		});
		expect(output[0].json.person).toHaveProperty('title');
	});

	it('fails an item every provider refused (a wrong key is not "no data")', async () => {
		const parameters = {
			resource: 'person',
			operation: 'enrich',
			providers: ['apollo'],
			inputMode: 'define',
			email: 'x@example.com',
			wanted: ['title'],
		};
		const wrongKey = { credentialOverrides: { b2bApolloApi: { apiKey: 'revoked-key' } } };
		await expect(runWithSandbox(sandbox, node, parameters, [{}], wrongKey)).rejects.toThrow(/Apollo: .*\(HTTP 401\)/);
	});
});

describe('B2B Enrichment: Guessed Emails', () => {
	/** People Apollo has only a guessed email for, and Hunter a verified one (not on a catch-all domain). */
	const guessedByApollo = () =>
		identifiable()
			.filter(
				(person) => emailStatus(person) === 'guessed' && person.knownBy.hunter && !sandbox.fixtures.company(person.companyId)!.catchAll,
			)
			.slice(0, 3);
	const parameters = (options: INodeParameters) => ({
		resource: 'person',
		operation: 'enrich',
		providers: ['apollo', 'hunter'],
		inputMode: 'auto',
		wanted: ['email'],
		options,
	});
	const finderCalls = () => sandbox.requests({ provider: 'hunter', pathIncludes: 'email-finder' });
	const verifierCalls = () => sandbox.requests({ provider: 'hunter', pathIncludes: 'email-verifier' });
	const emailsOf = (output: Array<{ json: object }>) =>
		output.map((item) => {
			const { person, enrichment } = item.json as {
				person: { email: string; emailStatus: string };
				enrichment: { sources: { email: string } };
			};
			return [person.email, person.emailStatus, enrichment.sources.email];
		});

	it('by default, a guessed email does not end the waterfall: Hunter is asked and its verified email wins', async () => {
		const people = guessedByApollo();
		expect(people).toHaveLength(3);
		const output = await runWithSandbox(sandbox, node, parameters({}), people.map(asInput));
		expect(finderCalls()).toHaveLength(3);
		expect(emailsOf(output)).toEqual(people.map((person) => [person.email, 'verified', 'hunter']));
		expect(verifierCalls()).toHaveLength(0);
	});

	it('Accept: the guessed email ends the waterfall, as before', async () => {
		const people = guessedByApollo();
		const output = await runWithSandbox(sandbox, node, parameters({ guessed: 'accept' }), people.map(asInput));
		expect(finderCalls()).toHaveLength(0);
		expect(emailsOf(output)).toEqual(people.map((person) => [person.email, 'guessed', 'apollo']));
	});

	it("Verify: Hunter's verifier checks the guessed email, once per address, and the confirmed one ends the waterfall", async () => {
		sandbox.configure({ hunter: { verifierPendingPolls: 0 } });
		const people = guessedByApollo();
		const output = await runWithSandbox(sandbox, node, parameters({ guessed: 'verify' }), [...people, people[0]].map(asInput));
		expect(finderCalls()).toHaveLength(0);
		expect(
			verifierCalls()
				.map((entry) => entry.query.email as string)
				.sort(),
		).toEqual(people.map((person) => person.email).sort());
		expect(emailsOf(output)).toEqual([...people, people[0]].map((person) => [person.email, 'verified', 'apollo']));
		expect(output[0].json.enrichment).toMatchObject({
			complete: true,
			sources: { emailStatus: 'hunter' },
			verification: { status: 'verified' },
		});
	});

	it('Verify needs Hunter among the providers', async () => {
		await expect(
			runWithSandbox(sandbox, node, { ...parameters({ guessed: 'verify' }), providers: ['apollo'] }, guessedByApollo().map(asInput)),
		).rejects.toThrow('Guessed Emails: Verify uses Hunter: add Hunter to the providers');
		expect(sandbox.requests({ provider: 'apollo' })).toHaveLength(0);
	});
});

describe('B2B Enrichment: a provider failing for a whole batch', () => {
	const parameters = {
		resource: 'person',
		operation: 'enrich',
		providers: ['zoomInfo', 'hunter'],
		inputMode: 'auto',
		wanted: ['email'],
		options: { maxAttempts: 1 },
	};
	const people = () => {
		const withEmail = identifiable().filter((person) => person.email !== null);
		return [...withEmail.filter((person) => person.knownBy.hunter).slice(0, 2), withEmail.find((person) => !person.knownBy.hunter)!];
	};
	beforeEach(() => sandbox.configure({ faults: { providers: { zoomInfo: { error5xxRate: 1 } } } }));

	it('fails the items no later provider completed, naming the provider and its answer; the waterfall goes on', async () => {
		const leads = people();
		const output = await runWithSandbox(sandbox, node, parameters, leads.map(asInput), { continueOnFail: true });

		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of output.slice(0, 2)) {
			expect(item.json.error).toBeUndefined();
			expect(item.json.enrichment).toMatchObject({ complete: true, sources: { email: 'hunter' } });
			expect((item.json.enrichment as { attempts: unknown[] }).attempts[0]).toMatchObject({
				provider: 'zoomInfo',
				status: 'error',
				failed: true,
			});
		}
		expect(output[0].json.person).toMatchObject({ email: leads[0].email });
		expect(output[2].json.error).toMatch(/^Item 2: ZoomInfo: .*\(HTTP 50\d\)/);
		expect(output[2].json.enrichment).toMatchObject({ complete: false, missing: ['email'] });
		expect(sandbox.requests({ provider: 'hunter', pathIncludes: 'email-finder' })).toHaveLength(3);
	});

	it('without Continue On Fail, stops the node with an error naming the item and the provider', async () => {
		await expect(runWithSandbox(sandbox, node, parameters, people().map(asInput))).rejects.toThrow(/^Item 2: ZoomInfo: .*\(HTTP 50\d\)/);
	});
});

describe('B2B Enrichment: Find Email', () => {
	it('stops at the first verified email and verifies the rest once per address', async () => {
		sandbox.configure({ hunter: { verifierPendingPolls: 0 } });
		const people = identifiable()
			.filter((person) => person.email !== null && person.knownBy.hunter)
			.slice(0, 5);
		const input = [...people.map(asInput), asInput(people[0])];
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'person', operation: 'findEmail', providers: ['hunter', 'apollo'], inputMode: 'auto', options: { verify: true } },
			input,
		);
		expect(output).toHaveLength(6);
		expect(output.map((item) => (item.json.person as { email: string }).email)).toEqual([
			...people.map((person) => person.email),
			people[0].email,
		]);
		const finderCalls = sandbox.requests({ provider: 'hunter', pathIncludes: 'email-finder' });
		expect(finderCalls).toHaveLength(5);
		const verifierCalls = sandbox.requests({ provider: 'hunter', pathIncludes: 'email-verifier' });
		const unverified = output.slice(0, 5).filter((item) => (item.json.enrichment as { verification?: unknown }).verification !== undefined);
		expect(verifierCalls).toHaveLength(unverified.length);
	});
});

describe('B2B Enrichment: Email operations', () => {
	it('verifies an address, polling while Hunter says it is still running, and only once per address', async () => {
		sandbox.configure({ hunter: { verifierPendingPolls: 1 } });
		const person = sandbox.fixtures.people.find((entry) => entry.email !== null && !sandbox.fixtures.company(entry.companyId)!.catchAll)!;
		const output = await runWithSandbox(sandbox, node, { resource: 'email', operation: 'verify', email: '={{ $json.email }}' }, [
			{ email: person.email },
			{ email: person.email!.toUpperCase() },
		]);
		expect(output.map((item) => item.json.status)).toEqual(['verified', 'verified']);
		expect(sandbox.requests({ provider: 'hunter', pathIncludes: 'email-verifier' }).map((entry) => entry.status)).toEqual([202, 200]);
	});

	it('lists every person at a domain with Return All, page after page', async () => {
		const company = sandbox.fixtures.companies.find(
			(entry) => sandbox.fixtures.peopleAt(entry.id).filter((person) => person.email !== null).length >= 3,
		)!;
		const output = await runWithSandbox(sandbox, node, {
			resource: 'email',
			operation: 'domainSearch',
			domain: company.domain,
			returnAll: true,
		});
		expect(output.length).toBeGreaterThanOrEqual(3);
		expect(new Set(output.map((item) => (item.json.person as { email: string }).email)).size).toBe(output.length);
		expect(output.every((item) => item.json.domain === company.domain)).toBe(true);
	});
});

describe('B2B Enrichment: Company and Account', () => {
	it('enriches companies, ZoomInfo in batches of 25, for the ones Apollo left incomplete', async () => {
		const domains = sandbox.fixtures.companies.slice(0, 30).map((company) => ({ domain: company.domain }));
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'company', operation: 'enrich', providers: ['zoomInfo'], inputMode: 'auto', companyWanted: ['industry', 'size'] },
			domains,
		);
		expect(output).toHaveLength(30);
		expect(
			sandbox
				.requests({ provider: 'zoomInfo', pathIncludes: '/enrich/company' })
				.map((entry) => (entry.body as { matchCompanyInput: unknown[] }).matchCompanyInput.length),
		).toEqual([25, 5]);
		expect(output[0].json.company).toMatchObject({
			domain: sandbox.fixtures.companies[0].domain,
			industry: sandbox.fixtures.companies[0].industry,
		});
	});

	it('reports the remaining quota per provider', async () => {
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'account', operation: 'getUsage', providers: ['hunter', 'zoomInfo', 'upLead'] },
			[{}, {}],
		);
		expect(output.map((item) => item.json.provider)).toEqual(['hunter', 'zoomInfo', 'upLead']);
		expect(output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect((output[0].json.remaining as Record<string, number>).searches).toBeGreaterThan(0);
	});
});

describe('B2B Enrichment: rate limits', () => {
	it("stays under Hunter's 15 requests per second: 40 lookups, not one refused", async () => {
		const people = identifiable()
			.filter((person) => person.knownBy.hunter)
			.slice(0, 40);
		const output = await runWithSandbox(
			sandbox,
			node,
			{ resource: 'person', operation: 'findEmail', providers: ['hunter'], inputMode: 'auto' },
			people.map(asInput),
		);
		expect(output).toHaveLength(40);
		const statuses = sandbox.requests({ provider: 'hunter', pathIncludes: 'email-finder' }).map((entry) => entry.status);
		expect(statuses).toHaveLength(40);
		expect(statuses.filter((status) => status !== 200)).toEqual([]);
	});

	it('the sandbox does refuse a client that does not pace itself (the test above can fail)', async () => {
		const { default: axios } = await import('axios');
		const person = identifiable().find((entry) => entry.knownBy.hunter)!;
		const url = `${sandbox.baseUrl('hunter')}/email-finder`;
		const params = { first_name: person.firstName, last_name: person.lastName, domain: domainOf(person) };
		const answers = await Promise.all(
			Array.from(
				{ length: 30 },
				async () => (await axios.get(url, { params, headers: { 'X-API-KEY': 'hunter-key-0001' }, validateStatus: () => true })).status,
			),
		);
		expect(answers.filter((status) => status === 403).length).toBeGreaterThan(0);
	});
});
