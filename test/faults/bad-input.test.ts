/**
 * The bad-input corpus run through the real nodes against the sandbox. With Continue On Fail every
 * bad item comes out as its own error item naming the item and the field, and every good item of
 * the same run is written (read back from the sandbox, unchanged, Unicode included). Without it the
 * node stops on the first bad item with nothing written, so the fixed run writes each item once.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';

import { B2bEnrichment } from '../../nodes/B2bEnrichment/B2bEnrichment.node';
import { B2bGoHighLevel } from '../../nodes/B2bGoHighLevel/B2bGoHighLevel.node';
import { B2bHaloPsa } from '../../nodes/B2bHaloPsa/B2bHaloPsa.node';
import { B2bThrio } from '../../nodes/B2bThrio/B2bThrio.node';
import { sandboxSecrets } from '../../scripts/e2e/sandbox-credentials';
import { runWithSandbox } from '../nodes/run';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import {
	BROKEN_TEXT,
	LONGEST_NAME,
	MALFORMED_EMAILS,
	MALFORMED_WEBSITES,
	TOO_LONG,
	UNUSUAL_EMAILS,
	UNUSUAL_WEBSITES,
	VALID_NAMES,
	WRONG_TYPES,
} from './bad-input-corpus';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

type Item = Record<string, unknown>;
/** An input item; a bad one says which field its error must name and what it must say. */
interface Case {
	label: string;
	item: Item;
	bad?: { field: string; says: RegExp };
}

type BadCase = Case & { bad: NonNullable<Case['bad']> };

const good = (label: string, item: Item): Case => ({ label, item });
const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 40) ?? String(value);

/** One bad case per value: a good item with `field` (a dotted path) replaced. */
function corrupt(base: Item, field: string, values: Array<[label: string, value: unknown, says: RegExp]>): BadCase[] {
	return values.map(([label, value, says]) => {
		const item = structuredClone(base);
		const path = field.split('.');
		let target = item;
		for (const key of path.slice(0, -1)) target = target[key] as Item;
		target[path[path.length - 1]] = value;
		return { label: `${field} = ${label}`, item, bad: { field, says } };
	});
}

const emails = (base: Item, field: string) =>
	corrupt(
		base,
		field,
		MALFORMED_EMAILS.map((email) => [shown(email), email, /is not a valid email address/]),
	);
const websites = (base: Item, field: string) =>
	corrupt(
		base,
		field,
		MALFORMED_WEBSITES.map((website) => [shown(website), website, /is not a valid domain/]),
	);
const broken = (base: Item, field: string) => corrupt(base, field, BROKEN_TEXT);
const wrongTypes = (base: Item, field: string, except: string[] = []) =>
	corrupt(
		base,
		field,
		WRONG_TYPES.filter(([label]) => !except.includes(label)),
	);
const tooLong = (base: Item, field: string) =>
	corrupt(base, field, [['10,800 characters', TOO_LONG, /is 10,800 characters long: at most 1,000 are accepted/]]);
/** The same cases, the error naming the field as the node calls it (a HaloPSA field, an array index). */
const named = (cases: BadCase[], field: string): BadCase[] => cases.map((entry) => ({ ...entry, bad: { ...entry.bad, field } }));
/** Everything that can be wrong with a name-like text field. */
const badText = (base: Item, field: string) => [...broken(base, field), ...wrongTypes(base, field), ...tooLong(base, field)];

/** A good contact as flat fields, and one in the normalized shape the B2B nodes output. */
const CONTACT = {
	email: 'ada@analytical.example',
	first_name: 'Ada',
	last_name: 'Lovelace',
	company_name: 'Analytical Engines',
	website: 'analytical.example',
	title: 'CTO',
	phone: '+15125550100',
};
const SHAPED = {
	person: { firstName: 'Ada', email: 'shaped@analytical.example', title: 'CTO', phones: [{ number: '+15125550101', type: 'direct' }] },
	company: { name: 'Shaped Ltd', domain: 'shaped.example' },
};

/** What every node that reads a person must refuse: a bad email, name or company, flat or shaped. */
function personBads(): BadCase[] {
	return [
		...emails(CONTACT, 'email'),
		...wrongTypes(CONTACT, 'email'),
		...emails(SHAPED, 'person.email'),
		...badText(CONTACT, 'first_name'),
		...badText(CONTACT, 'last_name'),
		...badText(CONTACT, 'company_name'),
	];
}

/** What every node that writes a phone must refuse, flat or in the shaped person's phone list. */
function phoneBads(): BadCase[] {
	return [
		...wrongTypes(CONTACT, 'phone', ['a number']),
		...broken(CONTACT, 'phone'),
		...named(
			corrupt(SHAPED, 'person.phones.0.number', [['an object', { digits: '5550100' }, /must be text, not an object/]]),
			'person.phones[0].number',
		),
		...corrupt(SHAPED, 'person.phones', [
			['text', '+15125550101', /must be a list, not a string/],
			['an object', { number: '+15125550101' }, /must be a list, not an object/],
		]),
	];
}

/** A good contact's website, wrongly typed or malformed. */
const websiteBads = () => [...websites(CONTACT, 'website'), ...wrongTypes(CONTACT, 'website')];

/** The bad cases spread evenly between the good ones: a run starts and ends with a good item. */
function mix(goods: Case[], bads: Case[]): Case[] {
	const cases: Case[] = [];
	goods.forEach((entry, index) => {
		cases.push(entry);
		if (index < goods.length - 1)
			cases.push(
				...bads.slice(Math.floor((index * bads.length) / (goods.length - 1)), Math.floor(((index + 1) * bads.length) / (goods.length - 1))),
			);
	});
	return cases;
}

const inputOf = (cases: Case[]) => cases.map((entry) => entry.item);
const goodOnes = (cases: Case[]) => cases.filter((entry) => entry.bad === undefined);

function expectNoSecret(value: unknown) {
	const text = JSON.stringify(value);
	for (const secret of sandboxSecrets()) expect(text).not.toContain(secret);
}

/**
 * Continue On Fail: one output item per input item, paired with it; a bad one carries an error
 * that names the item and the field (and stays short, whatever the value's size); a good one none.
 */
function expectEachItemAnswered(output: INodeExecutionData[], cases: Case[]) {
	expect(output).toHaveLength(cases.length);
	cases.forEach((entry, index) => {
		const { json, pairedItem } = output[index];
		expect([entry.label, pairedItem]).toEqual([entry.label, { item: index }]);
		if (entry.bad === undefined) {
			expect([entry.label, json.error]).toEqual([entry.label, undefined]);
			return;
		}
		const error = String(json.error);
		expect([entry.label, error]).toEqual([entry.label, expect.stringMatching(new RegExp(`^Item ${index}: `))]);
		expect([entry.label, error.includes(entry.bad.field)]).toEqual([entry.label, true]);
		expect([entry.label, error]).toEqual([entry.label, expect.stringMatching(entry.bad.says)]);
		expect(error.length).toBeLessThan(200);
	});
	expectNoSecret(output);
}

/**
 * Without Continue On Fail: the node throws a NodeOperationError for the first bad item, naming it
 * and its field, before anything is written.
 */
async function expectStopsAtFirstBad(run: Promise<unknown>, cases: Case[]) {
	const first = cases.findIndex((entry) => entry.bad !== undefined);
	const error = await run.then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeOperationError);
	const { message, context, description } = error as NodeOperationError;
	expect(context.itemIndex).toBe(first);
	expect(message).toMatch(new RegExp(`^Item ${first}: `));
	expect(message).toContain(cases[first].bad?.field);
	expect(description).toContain(`"${cases[first].bad?.field}" field of item ${first}`);
	expectNoSecret({ message, description });
}

const halo = () =>
	sandbox.dumpState('haloPsa') as {
		clients: Array<Record<string, unknown>>;
		users: Array<Record<string, unknown>>;
		opportunities: Array<Record<string, unknown>>;
	};

describe('HaloPSA (B2B): Sync', () => {
	const node = new B2bHaloPsa();
	const parameters = {
		resource: 'sync',
		operation: 'sync',
		whenNoClient: 'create',
		siteMode: 'main',
		createOpportunity: 'none',
		syncOptions: {},
	};
	const run = async (input: Item[], continueOnFail = false, extra: object = {}) =>
		await runWithSandbox(sandbox, node, { ...parameters, ...extra } as never, input as never, { continueOnFail });

	const goods = [
		...VALID_NAMES.map(([first, last], index) =>
			good(`${first} ${last}`, {
				email: `person${index}@company${index}.example`,
				first_name: first,
				last_name: last,
				company_name: `${last} ${first} & Co`,
				title: `${first}'s title`,
			}),
		),
		...UNUSUAL_EMAILS.map((email) => good(`email ${email}`, { email, first_name: 'Unusual', last_name: 'Email' })),
		...UNUSUAL_WEBSITES.map((website, index) =>
			good(`website ${website}`, { email: `web${index}@example.com`, company_name: `Website ${index}`, website }),
		),
		good('the longest name accepted', { email: 'longest@example.com', first_name: LONGEST_NAME, company_name: 'Longest' }),
		good('a phone given as a number', { email: 'number@example.com', company_name: 'Numbers', phone: 15125550199 }),
		good('tab and line breaks in a title', { email: 'multi@example.com', company_name: 'Multi', title: 'Head of\tSales\r\nEMEA' }),
		good('a company alone', { company_name: '株式会社サンプル', website: 'sample.example.jp' }),
		good('a phone list with junk beside the number', {
			person: { email: 'messy@phones.example', phones: [null, 'x', { type: 'work' }, { number: '+15125550155', type: 'work' }] },
		}),
	];
	const bads = [
		...personBads(),
		...phoneBads(),
		...websiteBads(),
		...websites({ ...SHAPED, company: { name: 'X', website: 'x.example' } }, 'company.website'),
		...badText(CONTACT, 'title'),
		...badText(SHAPED, 'person.firstName'),
		{ label: 'an empty item', item: {}, bad: { field: 'company', says: /nothing to sync/ } },
		{
			label: 'a name without email or company',
			item: { first_name: 'Ada', last_name: 'Lovelace' },
			bad: { field: 'email', says: /a contact needs an email/ },
		},
		{
			label: 'null everywhere',
			item: { email: null, company_name: null, website: null },
			bad: { field: 'company', says: /nothing to sync/ },
		},
	];
	const cases = mix(goods, bads);
	/** The contact a good item makes, by its email: flat or in the shaped person. */
	const emailOf = (item: Item) =>
		[item.email ?? (item.person as Item | undefined)?.email]
			.filter((email): email is string => typeof email === 'string')
			.map((email) => email.toLowerCase());

	it(`Continue On Fail: ${bads.length} bad items fail alone, naming item and field; ${goods.length} good ones written intact`, async () => {
		const output = await run(inputOf(cases), true);
		expectEachItemAnswered(output, cases);
		const { users, clients } = halo();
		expect(users.map((user) => user.emailaddress).sort()).toEqual(
			goodOnes(cases)
				.flatMap((entry) => emailOf(entry.item))
				.sort(),
		);
		for (const [first, last] of VALID_NAMES) {
			const user = users.find((candidate) => candidate.firstname === first);
			expect(user).toMatchObject({ firstname: first, surname: last, name: `${first} ${last}`, jobtitle: `${first}'s title` });
			// Names in other scripts are companies of their own: none is merged into another's client.
			expect(clients.filter((client) => client.name === `${last} ${first} & Co`)).toHaveLength(1);
		}
		expect(users.find((user) => user.emailaddress === 'longest@example.com')?.firstname).toBe(LONGEST_NAME);
		expect(users.find((user) => user.emailaddress === 'number@example.com')?.phonenumber).toBe('15125550199');
		expect(users.find((user) => user.emailaddress === 'multi@example.com')?.jobtitle).toBe('Head of\tSales\r\nEMEA');
		expect(clients.map((client) => client.name)).toContain('株式会社サンプル');
		expect(users.find((user) => user.emailaddress === 'messy@phones.example')?.phonenumber).toBe('+15125550155');
	});

	it('without Continue On Fail stops on the first bad item with nothing written; the fixed run writes each good item once', async () => {
		await expectStopsAtFirstBad(run(inputOf(cases)), cases);
		expect(halo().clients).toHaveLength(0);
		expect(
			sandbox.requests({ provider: 'haloPsa' }).filter((entry) => entry.method === 'POST' && !entry.path.includes('token')),
		).toHaveLength(0);

		await run(inputOf(goodOnes(cases)));
		const users = halo().users.length;
		expect(users).toBe(goodOnes(cases).flatMap((entry) => emailOf(entry.item)).length);
		await run(inputOf(goodOnes(cases)));
		expect(halo().users).toHaveLength(users);
	});

	it("checks each item's opportunity settings: an empty summary or a ticket type that is not an ID fails that item only", async () => {
		const items = [
			{ email: 'one@opps.example', company_name: 'Opps', summary: 'New lead: Opps', type: 4 },
			{ email: 'two@opps.example', company_name: 'Opps', summary: '   ', type: 4 },
			{ email: 'three@opps.example', company_name: 'Opps', summary: 'New lead: 三', type: 'four' },
			{ email: 'four@opps.example', company_name: 'Opps', summary: 'Nouveau prospect : Opps', type: '4' },
		];
		const opportunity = {
			createOpportunity: 'Opportunities',
			opportunitySummary: '={{ $json.summary }}',
			opportunityTicketTypeId: '={{ $json.type }}',
		};
		const oppCases: Case[] = [
			good('summary and type', items[0]),
			{ label: 'blank summary', item: items[1], bad: { field: 'Summary', says: /Summary is required/ } },
			{ label: 'type "four"', item: items[2], bad: { field: 'Ticket Type', says: /must be a whole number from 1, not "four"/ } },
			good('type given as text', items[3]),
		];
		await expectStopsAtFirstBad(run(items, false, opportunity), oppCases);
		expect(halo().clients).toHaveLength(0);
		expectEachItemAnswered(await run(items, true, opportunity), oppCases);
		expect(
			halo()
				.opportunities.map((entry) => entry.summary)
				.sort(),
		).toEqual(['New lead: Opps', 'Nouveau prospect : Opps']);
	});
});

describe('HaloPSA (B2B): Create', () => {
	const node = new B2bHaloPsa();
	const run = async (parameters: object, input: Item[], continueOnFail = false) =>
		await runWithSandbox(sandbox, node, parameters as never, input as never, { continueOnFail });
	const createClient = {
		resource: 'client',
		operation: 'create',
		name: '={{ $json.name }}',
		additionalFields: { website: '={{ $json.website }}' },
	};

	const clientGoods = [
		...VALID_NAMES.map(([first, last]) => good(`client ${last}`, { name: `${last} ${first} GmbH` })),
		...UNUSUAL_WEBSITES.map((website, index) => good(`website ${website}`, { name: `Website ${index}`, website })),
		good('the longest name accepted', { name: LONGEST_NAME }),
	];
	const clientBase = { name: 'Acme', website: 'acme.example' };
	const clientBads = [
		...badText(clientBase, 'name'),
		...websites(clientBase, 'website'),
		...wrongTypes(clientBase, 'website'),
		...[undefined, null, '', '   '].map((name): Case => ({
			label: `name ${shown(name)}`,
			item: { ...clientBase, name },
			bad: { field: 'name', says: /name is required: HaloPSA refuses a client without it/ },
		})),
	];
	const clientCases = mix(clientGoods, clientBads);

	it(`Create Client: ${clientBads.length} bad items fail alone; ${clientGoods.length} good ones created intact, one request`, async () => {
		const output = await run(createClient, inputOf(clientCases), true);
		expectEachItemAnswered(output, clientCases);
		expect(halo().clients.map((client) => [client.name, client.website ?? null])).toEqual(
			clientGoods.map((entry) => [entry.item.name, entry.item.website ?? null]),
		);
		expect(sandbox.requests({ provider: 'haloPsa', method: 'POST', pathIncludes: '/Client' })).toHaveLength(1);
	});

	it('Create Client without Continue On Fail creates nothing until every item is right', async () => {
		await expectStopsAtFirstBad(run(createClient, inputOf(clientCases)), clientCases);
		expect(halo().clients).toHaveLength(0);
		await run(createClient, inputOf(goodOnes(clientCases)));
		expect(halo().clients).toHaveLength(clientGoods.length);
	});

	const createUser = {
		resource: 'user',
		operation: 'create',
		client_id: '={{ $json.client }}',
		name: '={{ $json.name }}',
		additionalFields: { emailaddress: '={{ $json.email }}', firstname: '={{ $json.first }}', phonenumber: '={{ $json.phone }}' },
	};

	async function userCases() {
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Contacts Inc' }, [{}]);
		const id = client.json.id as number;
		const goods = [
			...VALID_NAMES.map(([first, last], index) =>
				good(`${first} ${last}`, { client: id, name: `${first} ${last}`, first, email: `user${index}@contacts.example` }),
			),
			...UNUSUAL_EMAILS.map((email) => good(`email ${email}`, { client: id, name: 'Unusual Email', email })),
			good('the client ID as text', { client: String(id), name: 'Text ID' }),
			good('a phone given as a number', { client: id, name: 'Phone Number', phone: 15125550123 }),
		];
		const base = { client: id, name: 'Ada Lovelace', first: 'Ada', email: 'ada@contacts.example', phone: '+15125550100' };
		const bads = [
			...named(emails(base, 'email'), 'emailaddress'),
			...badText(base, 'name'),
			...named(badText(base, 'first'), 'firstname'),
			...named(wrongTypes(base, 'phone', ['a number']), 'phonenumber'),
			...[undefined, '', '  '].map((name): Case => ({
				label: `name ${shown(name)}`,
				item: { ...base, name },
				bad: { field: 'name', says: /name is required: HaloPSA refuses a user \(contact\) without it/ },
			})),
			...['abc', '12abc', 0, -3, 1.5, { id: id }, [id], true].map((client): Case => ({
				label: `client ${shown(client)}`,
				item: { ...base, client },
				bad: { field: 'client_id', says: /client_id must be a whole number from 1/ },
			})),
		];
		return { goods, cases: mix(goods, bads), bads };
	}

	it('Create User: every bad field fails its item, named; the good users are created with their names intact', async () => {
		const { goods, cases } = await userCases();
		const output = await run(createUser, inputOf(cases), true);
		expectEachItemAnswered(output, cases);
		const { users } = halo();
		expect(users.map((user) => user.name)).toEqual(goods.map((entry) => entry.item.name));
		for (const [first, last] of VALID_NAMES)
			expect(users.find((user) => user.name === `${first} ${last}`)).toMatchObject({ firstname: first });
		expect(users.find((user) => user.name === 'Phone Number')?.phonenumber).toBe('15125550123');
	});

	it('Create User without Continue On Fail creates nothing until every item is right', async () => {
		const { goods, cases } = await userCases();
		await expectStopsAtFirstBad(run(createUser, inputOf(cases)), cases);
		expect(halo().users).toHaveLength(0);
		await run(createUser, inputOf(goods));
		expect(halo().users).toHaveLength(goods.length);
	});

	it('a record only HaloPSA can refuse fails its item after the others are created, and the error lists what was created', async () => {
		const [client] = await run({ resource: 'client', operation: 'create', name: 'Refusals' }, [{}]);
		const items = [
			{ client: client.json.id, name: 'First' },
			{ client: 999, name: 'No Such Client' },
			{ client: client.json.id, name: 'Third' },
		];
		const error = (await run(createUser, items).catch((thrown: unknown) => thrown)) as NodeOperationError;
		expect(error.message).toMatch(/^Item 1: HaloPSA: .*client_id 999 does not exist \(HTTP 400\)$/);
		expect(error.context.itemIndex).toBe(1);
		const created = halo().users;
		expect(created.map((user) => user.name)).toEqual(['First', 'Third']);
		expect(error.description).toBe(
			`1 item(s) failed. 2 other record(s) were created (ID ${created.map((user) => user.id).join(', ')}). Re-running all the items ` +
				`would create them again: re-run only the failed ones, or turn on Continue On Fail to get each item's result.`,
		);
	});
});

describe('B2B Enrichment', () => {
	const node = new B2bEnrichment();
	const run = async (parameters: object, input: Item[], continueOnFail = false) =>
		await runWithSandbox(sandbox, node, parameters as never, input as never, { continueOnFail });
	/** What Apollo was asked to match, one entry per lookup whether sent alone or in a bulk call. */
	const apolloDetails = () =>
		sandbox.requests({ provider: 'apollo', pathIncludes: '/people/' }).flatMap((entry) => {
			const body = entry.body as { details?: Item[] } & Item;
			return body.details ?? [body];
		});

	const personGoods = [
		...VALID_NAMES.map(([first, last]) =>
			good(`${first} ${last}`, { first_name: first, last_name: last, website: 'https://www.unicode-names.example/' }),
		),
		...UNUSUAL_EMAILS.map((email) => good(`email ${email}`, { email })),
		...UNUSUAL_WEBSITES.map((website) => good(`website ${website}`, { first_name: 'Grace', last_name: 'Hopper', website })),
		good('a LinkedIn URL alone', { linkedin_url: 'https://www.linkedin.com/in/ada-lovelace-🦄' }),
		good('the longest name accepted', { first_name: LONGEST_NAME, last_name: 'X', company_name: 'Longest Ltd' }),
	];
	const lookupBads = [
		...personBads(),
		...websiteBads(),
		...badText({ person: { firstName: 'Ada', lastName: 'Lovelace', companyDomain: 'analytical.example' } }, 'person.lastName'),
		...wrongTypes(CONTACT, 'linkedin_url'),
		{ label: 'an empty item', item: {}, bad: { field: 'email', says: /nothing to look the person up by/ } },
		{
			label: 'a name alone',
			item: { first_name: 'Ada', last_name: 'Lovelace' },
			bad: { field: 'domain', says: /a name alone cannot identify a person/ },
		},
	];
	const personCases = mix(personGoods, lookupBads);
	const enrich = { resource: 'person', operation: 'enrich', providers: ['apollo'], inputMode: 'auto', wanted: ['title'] };

	it(`Enrich Person: ${lookupBads.length} bad items fail alone; only the ${personGoods.length} good ones looked up, intact`, async () => {
		const output = await run(enrich, inputOf(personCases), true);
		expectEachItemAnswered(output, personCases);
		const asked = apolloDetails();
		expect(asked).toHaveLength(new Set(personGoods.map((entry) => JSON.stringify(entry.item))).size);
		expect(asked.map((detail) => detail.first_name).filter(Boolean)).toEqual(expect.arrayContaining(VALID_NAMES.map(([first]) => first)));
		personCases.forEach((entry, index) => {
			if (entry.bad === undefined && typeof entry.item.first_name === 'string')
				expect((output[index].json.person as Item).firstName).toBe(entry.item.first_name);
		});
		// Two people in CJK script at one company are two people, not one lookup shared.
		const [xiaoming, sakura] = ['小明', 'さくら'].map(
			(first) => output[personCases.findIndex((entry) => entry.item.first_name === first)].json.enrichment as Item,
		);
		expect([xiaoming.duplicateOfItem, sakura.duplicateOfItem]).toEqual([undefined, undefined]);
	});

	it('Enrich Person without Continue On Fail stops before anything is spent', async () => {
		await expectStopsAtFirstBad(run(enrich, inputOf(personCases)), personCases);
		expect(sandbox.requests({ provider: 'apollo' })).toHaveLength(0);
	});

	it('Enrich Person in Define Below mode names the parameter', async () => {
		const parameters = {
			...enrich,
			inputMode: 'define',
			email: '={{ $json.e }}',
			firstName: '={{ $json.f }}',
			lastName: 'Lovelace',
			domain: '={{ $json.d }}',
		};
		const cases: Case[] = [
			good('all fine', { e: 'ada@analytical.example', f: 'Ada', d: 'analytical.example' }),
			{
				label: 'email a number',
				item: { e: 1234, f: 'Ada', d: 'analytical.example' },
				bad: { field: 'email', says: /must be text, not a number/ },
			},
			{
				label: 'first name with NUL',
				item: { f: 'A\u0000da', d: 'analytical.example' },
				bad: { field: 'firstName', says: /control character/ },
			},
			{
				label: 'domain localhost',
				item: { f: 'Ada', d: 'localhost' },
				bad: { field: 'domain', says: /"localhost" is not a valid domain/ },
			},
			good('Unicode name', { f: 'Ада', d: 'analytical.example' }),
		];
		expectEachItemAnswered(await run(parameters, inputOf(cases), true), cases);
	});

	it('Find Email: bad items fail alone; Hunter is asked only about the good ones, names intact', async () => {
		const goods = VALID_NAMES.map(([first, last]) =>
			good(`${first} ${last}`, { first_name: first, last_name: last, domain: 'unicode-names.example' }),
		);
		const bads = [...personBads(), ...websiteBads()];
		const cases = mix(goods, bads);
		const findEmail = { resource: 'person', operation: 'findEmail', providers: ['hunter'], inputMode: 'auto' };
		await expectStopsAtFirstBad(run(findEmail, inputOf(cases)), cases);
		expect(sandbox.requests({ provider: 'hunter' })).toHaveLength(0);
		expectEachItemAnswered(await run(findEmail, inputOf(cases), true), cases);
		const asked = sandbox
			.requests({ provider: 'hunter', pathIncludes: 'email-finder' })
			.map((entry) => [entry.query.first_name, entry.query.last_name]);
		expect(asked).toEqual(VALID_NAMES);
	});

	it('Enrich Company: bad items fail alone; Apollo is asked only for the good domains', async () => {
		const goods = [
			...UNUSUAL_WEBSITES.map((website) => good(`website ${website}`, { company_name: 'Unusual', website })),
			...VALID_NAMES.map(([, last], index) =>
				good(`company ${last}`, { company: { name: `${last} AG`, domain: `company${index}.example` } }),
			),
		];
		const company = { company_name: 'Acme', website: 'acme.example' };
		const bads = [
			...websites(company, 'website'),
			...wrongTypes(company, 'website'),
			...websites({ company: { name: 'Acme', domain: 'acme.example' } }, 'company.domain'),
			...badText(company, 'company_name'),
			{ label: 'no company at all', item: { first_name: 'Ada' }, bad: { field: 'domain', says: /nothing to look the company up by/ } },
		];
		const cases = mix(goods, bads);
		const enrichCompany = {
			resource: 'company',
			operation: 'enrich',
			providers: ['apollo'],
			inputMode: 'auto',
			companyWanted: ['industry'],
		};
		await expectStopsAtFirstBad(run(enrichCompany, inputOf(cases)), cases);
		expect(sandbox.requests({ provider: 'apollo' })).toHaveLength(0);
		const output = await run(enrichCompany, inputOf(cases), true);
		expectEachItemAnswered(output, cases);
		const asked = sandbox.requests({ provider: 'apollo', pathIncludes: '/organizations/enrich' }).map((entry) => entry.query.domain);
		expect(asked).toEqual([
			'example.co.uk',
			'example.org',
			'example.com',
			'münchen.de',
			'xn--e1afmkfd.xn--p1ai',
			'example.info',
			...VALID_NAMES.map((_, index) => `company${index}.example`),
		]);
		VALID_NAMES.forEach(([, last]) =>
			expect(output.some((item) => (item.json.company as Item | undefined)?.name === `${last} AG`)).toBe(true),
		);
	});

	it('Verify Email: bad addresses fail alone, each good one is verified once', async () => {
		sandbox.configure({ hunter: { verifierPendingPolls: 0 } });
		const known = sandbox.fixtures.people
			.filter((entry) => entry.email !== null)
			.slice(0, 3)
			.map((entry) => entry.email as string);
		const goods = [...known.map((email) => good(email, { email })), good('an address in capitals', { email: known[0].toUpperCase() })];
		const bads = [...emails({ email: '' }, 'email'), ...wrongTypes({ email: '' }, 'email'), ...broken({ email: '' }, 'email')];
		const cases = mix(goods, bads);
		const verify = { resource: 'email', operation: 'verify', email: '={{ $json.email }}' };
		const output = await run(verify, inputOf(cases), true);
		expectEachItemAnswered(output, cases);
		expect(sandbox.requests({ provider: 'hunter', pathIncludes: 'email-verifier' }).map((entry) => entry.query.email)).toEqual(known);
		await expectStopsAtFirstBad(run(verify, inputOf(cases)), cases);
	});
});

describe('GoHighLevel (B2B): contact upsert', () => {
	const node = new B2bGoHighLevel();
	const { locationId } = SANDBOX_CREDENTIALS.goHighLevel;
	const contacts = () => sandbox.state.goHighLevel.location(locationId).contacts.list();
	const upsert = { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'upsert', inputMode: 'auto' };
	const run = async (input: Item[], continueOnFail = false, parameters: object = upsert) =>
		await runWithSandbox(sandbox, node, parameters as never, input as never, { continueOnFail });

	const goods = [
		...VALID_NAMES.map(([first, last], index) =>
			good(`${first} ${last}`, {
				email: `person${index}@ghl.example`,
				first_name: first,
				last_name: last,
				company_name: `${last} ${first} KK`,
			}),
		),
		...UNUSUAL_EMAILS.map((email) => good(`email ${email}`, { email, first_name: 'Unusual' })),
		...UNUSUAL_WEBSITES.map((website, index) => good(`website ${website}`, { email: `web${index}@ghl.example`, website })),
		good('a phone given as a number, no email', { first_name: 'Phone', phone: 5125550177 }),
		good('the longest name accepted', { email: 'longest@ghl.example', first_name: LONGEST_NAME }),
	];
	const bads = [
		...personBads(),
		...phoneBads(),
		...websiteBads(),
		{
			label: 'neither email nor phone',
			item: { first_name: 'Ada', last_name: 'Lovelace' },
			bad: { field: 'email', says: /a contact needs an email or a phone/ },
		},
		...badText({ ...CONTACT, city: 'Austin' }, 'city'),
		...wrongTypes({ ...CONTACT, postal_code: '78701' }, 'postal_code'),
	];
	const cases = mix(goods, bads);

	it(`Continue On Fail: ${bads.length} bad items fail alone; ${goods.length} good contacts are written intact`, async () => {
		const output = await run(inputOf(cases), true);
		expectEachItemAnswered(output, cases);
		const stored = contacts();
		expect(stored).toHaveLength(goods.length);
		for (const [first, last] of VALID_NAMES)
			expect(stored.find((contact) => contact.firstName === first)).toMatchObject({ lastName: last, companyName: `${last} ${first} KK` });
		expect(stored.find((contact) => contact.firstName === 'Phone')?.phone).toBe('+15125550177');
		expect(stored.find((contact) => contact.email === 'longest@ghl.example')?.firstName).toBe(LONGEST_NAME);
	});

	it('without Continue On Fail stops on the first bad item before any upsert; the fixed run, twice, makes each contact once', async () => {
		await expectStopsAtFirstBad(run(inputOf(cases)), cases);
		expect(sandbox.requests({ pathIncludes: '/contacts/upsert' })).toHaveLength(0);
		await run(inputOf(goodOnes(cases)));
		await run(inputOf(goodOnes(cases)));
		expect(contacts()).toHaveLength(goods.length);
	});

	it('Define Below: a flag given as text is converted, one that is not true or false fails its item', async () => {
		const parameters = {
			...upsert,
			inputMode: 'define',
			email: '={{ $json.email }}',
			additionalFields: { dnd: '={{ $json.dnd }}', firstName: '={{ $json.first }}' },
		};
		const defineCases: Case[] = [
			good('dnd "true"', { email: 'dnd@ghl.example', dnd: 'true', first: 'Dnd' }),
			{
				label: 'dnd "maybe"',
				item: { email: 'maybe@ghl.example', dnd: 'maybe', first: 'Maybe' },
				bad: { field: 'dnd', says: /dnd must be true or false, not "maybe"/ },
			},
			{
				label: 'first name an object',
				item: { email: 'object@ghl.example', dnd: false, first: { a: 1 } },
				bad: { field: 'firstName', says: /must be text, not an object/ },
			},
			{
				label: 'email a number',
				item: { email: 12345, dnd: false, first: 'Num' },
				bad: { field: 'email', says: /must be text, not a number/ },
			},
			good('dnd false', { email: 'nodnd@ghl.example', dnd: false, first: 'Ünïcödé' }),
		];
		expectEachItemAnswered(await run(inputOf(defineCases), true, parameters), defineCases);
		expect(contacts().map((contact) => [contact.email, contact.dnd, contact.firstName])).toEqual([
			['dnd@ghl.example', true, 'Dnd'],
			['nodnd@ghl.example', false, 'Ünïcödé'],
		]);
	});
});

describe('Thrio (B2B): contact and lead writes', () => {
	const node = new B2bThrio();
	const LIST = '0000000000000000000000a1';
	const leads = () => sandbox.state.thrio.leads.get(LIST)?.list() ?? [];
	const thrioContacts = () => (sandbox.dumpState('thrio') as { objects: Record<string, Item[]> }).objects.contact ?? [];
	const run = async (parameters: object, input: Item[], continueOnFail = false) =>
		await runWithSandbox(sandbox, node, parameters as never, input as never, { continueOnFail });

	const goods = [
		...VALID_NAMES.map(([first, last], index) =>
			good(`${first} ${last}`, {
				phone: `+1737555${String(index).padStart(4, '0')}`,
				first_name: first,
				last_name: last,
				company_name: `${first} ${last} S.A.`,
			}),
		),
		...UNUSUAL_EMAILS.map((email, index) => good(`email ${email}`, { phone: `+1512555${String(index).padStart(4, '0')}`, email })),
		good('a phone given as a number', { phone: 15125559999, first_name: 'Number' }),
		good('the longest name accepted', { phone: '+15125558888', first_name: LONGEST_NAME }),
	];
	const bads = [...personBads(), ...phoneBads()];

	describe('lead upsert', () => {
		const cases = mix(goods, [
			...bads,
			{
				label: 'no phone',
				item: { first_name: 'No', last_name: 'Phone', email: 'np@analytical.example' },
				bad: { field: 'phone', says: /a lead needs a phone/ },
			},
		]);
		const upsert = { resource: 'lead', operation: 'upsert', outboundListId: LIST, inputMode: 'auto' };

		it('Continue On Fail: the bad items fail alone; the good leads go in one call, intact', async () => {
			expectEachItemAnswered(await run(upsert, inputOf(cases), true), cases);
			expect(sandbox.requests({ pathIncludes: '/leadsupsert' })).toHaveLength(1);
			const stored = leads();
			expect(stored).toHaveLength(goods.length);
			for (const [first, last] of VALID_NAMES)
				expect(stored.find((lead) => lead.firstName === first)).toMatchObject({ lastName: last, company: `${first} ${last} S.A.` });
			expect(stored.find((lead) => lead.firstName === 'Number')?.phone).toBe('15125559999');
		});

		it('without Continue On Fail nothing is sent; the fixed run, twice, makes each lead once', async () => {
			await expectStopsAtFirstBad(run(upsert, inputOf(cases)), cases);
			expect(sandbox.requests({ pathIncludes: '/leadsupsert' })).toHaveLength(0);
			await run(upsert, inputOf(goodOnes(cases)));
			await run(upsert, inputOf(goodOnes(cases)));
			expect(leads()).toHaveLength(goods.length);
		});
	});

	describe.each([
		[
			'contact create',
			{ resource: 'contact', operation: 'create', inputMode: 'auto' },
			() => thrioContacts(),
			{ label: 'an empty item', item: {}, bad: { field: 'person', says: /no person in the item/ } },
		],
		[
			'lead add',
			{ resource: 'lead', operation: 'add', outboundListId: LIST, inputMode: 'auto' },
			() => leads(),
			{
				label: 'no phone',
				item: { first_name: 'No', email: 'np@analytical.example' },
				bad: { field: 'phone', says: /a lead needs a phone/ },
			},
		],
	] as Array<[string, object, () => Item[], Case]>)('%s (one request per item, not repeatable)', (_name, parameters, stored, missing) => {
		const cases = mix(goods, [...bads, missing]);

		it('Continue On Fail: the bad items fail alone; the good ones are created intact', async () => {
			expectEachItemAnswered(await run(parameters, inputOf(cases), true), cases);
			expect(stored()).toHaveLength(goods.length);
			for (const [first, last] of VALID_NAMES)
				expect(stored().find((record) => record.firstName === first)).toMatchObject({ lastName: last });
		});

		it('without Continue On Fail nothing is created, even before the bad item; the fixed run creates each once', async () => {
			await expectStopsAtFirstBad(run(parameters, inputOf(cases)), cases);
			expect(stored()).toHaveLength(0);
			await run(parameters, inputOf(goodOnes(cases)));
			expect(stored()).toHaveLength(goods.length);
		});
	});
});
