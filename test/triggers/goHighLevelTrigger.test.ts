import { randomUUID } from 'crypto';

import type { ICredentialTestFunctions, IDataObject } from 'n8n-workflow';

import { personRecordFromItem } from '../../lib/destinations/thrio/mapping';
import { itemProblem, personFromItem } from '../../lib/normalize';
import { checkSharedSecretCredential } from '../../lib/webhooks';
import { syncSubjects } from '../../nodes/B2bHaloPsa/actions/sync/input';
import { GoHighLevelTrigger } from '../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node';
import { TestCredentialsHelper, WebhookTrigger } from '../harness';
import type { WebhookOutcome } from '../harness';
import { digestOf, expectAccepted, expectIgnored, expectRefused, json, keyPair } from './fixtures';

const ed25519 = keyPair('ed25519');
const rsa = keyPair('rsa');

function trigger(options: IDataObject = {}, events: string[] = [], output?: string): WebhookTrigger {
	return new WebhookTrigger({
		nodeType: new GoHighLevelTrigger(),
		parameters: { events, options: { ed25519PublicKey: ed25519.spki, ...options }, ...(output && { output }) },
	});
}

function event(overrides: IDataObject = {}): Buffer {
	return json({
		type: 'ContactCreate',
		locationId: 'loc_1',
		id: 'c_1',
		email: 'zoe@example.com',
		timestamp: new Date().toISOString(),
		webhookId: randomUUID(),
		...overrides,
	});
}

const signed = (body: Buffer, headers: Record<string, string> = {}) => ({
	body,
	headers: { 'content-type': 'application/json', 'x-ghl-signature': ed25519.sign(body), ...headers },
});

describe('GoHighLevel Trigger', () => {
	it('starts one execution with the parsed body, the headers that matter and how it was verified', async () => {
		const body = event({ webhookId: 'wh-accept-1' });
		const item = expectAccepted(await trigger().send(signed(body)));
		expect(item.body).toEqual(JSON.parse(body.toString()));
		expect(item.headers).toEqual({ 'content-type': 'application/json' });
		expect(item.verification).toEqual({ method: 'ed25519', timestamp: expect.any(String), eventId: 'wh-accept-1' });
	});

	it('refuses unsigned, wrongly signed, altered and malformed calls with no execution', async () => {
		const node = trigger();
		const body = event();
		expectRefused(await node.send({ body, headers: { 'content-type': 'application/json' } }), 401);
		expectRefused(await node.send({ body, headers: { 'x-ghl-signature': keyPair('ed25519').sign(body) } }), 401);
		expectRefused(await node.send({ body: Buffer.concat([body, Buffer.from(' ')]), headers: signed(body).headers }), 401);
		expectRefused(await node.send({ body, headers: { 'x-ghl-signature': '***' } }), 400);
		expectRefused(await node.send({ body, headers: { 'x-ghl-signature': ed25519.sign(body).slice(0, 40) } }), 401);
		const notJson = Buffer.from('{"type":');
		expectRefused(await node.send(signed(notJson)), 400);
	});

	it("uses HighLevel's published key by default: a signature by any other key is refused", async () => {
		const node = new WebhookTrigger({ nodeType: new GoHighLevelTrigger(), parameters: {} });
		expect(node.workflowNode.parameters.options).toEqual({});
		expectRefused(await node.send(signed(event())), 401);
	});

	it('refuses a replayed webhookId inside the window, but not a new one', async () => {
		const node = trigger();
		const request = signed(event({ webhookId: 'wh-replay-1' }));
		expectAccepted(await node.send(request));
		const replay = expectRefused(await node.send(request), 401);
		expect(replay.body).toEqual({ error: 'event wh-replay-1 was already received' });
		expectAccepted(await node.send(signed(event({ webhookId: 'wh-replay-2' }))));
	});

	it('refuses stale, future and missing timestamps; accepts epoch timestamps; tolerance 0 turns the check off', async () => {
		const node = trigger();
		const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
		expectRefused(await node.send(signed(event({ timestamp: at(-301_000) }))), 401);
		expectRefused(await node.send(signed(event({ timestamp: at(301_000) }))), 401);
		expectRefused(await node.send(signed(event({ timestamp: undefined }))), 401);
		expectRefused(await node.send(signed(event({ timestamp: 'last tuesday' }))), 400);
		expectAccepted(await node.send(signed(event({ timestamp: Date.now() }))));
		expectAccepted(await node.send(signed(event({ timestamp: Math.floor(Date.now() / 1000) }))));
		expectRefused(await trigger({ toleranceSeconds: 60 }).send(signed(event({ timestamp: at(-90_000) }))), 401);
		expectAccepted(await trigger({ toleranceSeconds: 0 }).send(signed(event({ timestamp: undefined }))));
	});

	it('checks the legacy X-WH-Signature only when an RSA key is set, and never in place of a present X-GHL-Signature', async () => {
		const body = event();
		const legacy = { body, headers: { 'content-type': 'application/json', 'x-wh-signature': rsa.sign(body) } };
		expectRefused(await trigger().send(legacy), 401);
		const withRsa = trigger({ rsaPublicKey: rsa.pem });
		expect(expectAccepted(await withRsa.send(legacy)).verification).toMatchObject({ method: 'rsa-sha256' });
		expectRefused(await withRsa.send({ body: event(), headers: { 'x-wh-signature': rsa.sign(body) } }), 401);
		const both = { body: event(), headers: { 'x-ghl-signature': 'AAAA', 'x-wh-signature': '' } };
		both.headers['x-wh-signature'] = rsa.sign(both.body);
		expectRefused(await withRsa.send(both), 401);
		const spkiKey = trigger({ rsaPublicKey: rsa.spki });
		expectRefused(await spkiKey.send({ body: event(), headers: {} }), 401);
		const fresh = event();
		expectAccepted(await spkiKey.send({ body: fresh, headers: { 'x-wh-signature': rsa.sign(fresh) } }));
	});

	it('filters on the event type, passing other genuine events with 200 and no execution', async () => {
		const node = trigger({ otherEvents: 'InvoiceCreate' }, ['ContactCreate', 'OpportunityStatusUpdate']);
		expectAccepted(await node.send(signed(event({ type: 'OpportunityStatusUpdate' }))));
		expectAccepted(await node.send(signed(event({ type: 'InvoiceCreate' }))));
		expectIgnored(await node.send(signed(event({ type: 'ContactDelete' }))));
		// The filter runs after verification: an unsigned event of an unselected type is still a 401.
		expectRefused(await node.send({ body: event({ type: 'ContactDelete' }), headers: {} }), 401);
	});

	it('reports an unusable key setting as a node error rather than refusing every call', async () => {
		await expect(trigger({ ed25519PublicKey: 'not-a-key' }).send(signed(event()))).rejects.toThrow(/Ed25519 public key/);
		await expect(trigger({ rsaPublicKey: ed25519.pem }).send(signed(event()))).rejects.toThrow(/RSA public key/);
	});

	it('has nothing to register: the URL goes into the HighLevel app by hand', async () => {
		const node = trigger();
		expect(await node.lifecycle('checkExists')).toBe(true);
		expect(await node.lifecycle('create')).toBe(true);
		expect(await node.lifecycle('delete')).toBe(true);
	});
});

/** Secrets a HighLevel workflow's Custom Webhook action would send, one credential per way of sending them. */
const CUSTOM_AUTH: Record<string, IDataObject> = {
	basic: { authMethod: 'basic', username: 'n8n-hooks', password: 'S3cret:basic-pass-0123' },
	bearer: { authMethod: 'bearer', token: 'ghl-bearer-7c1e9a0b2d4f6e8a' },
	apiKey: { authMethod: 'apiKey', headerName: 'X-N8N-Key', apiKey: 'ghl-header-key-5a4b3c2d1e0f' },
};

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The header each credential's call carries, as the Custom Webhook action sends it. */
const AUTH_HEADERS: Record<string, Record<string, string>> = {
	basic: { authorization: basic('n8n-hooks', 'S3cret:basic-pass-0123') },
	bearer: { authorization: 'Bearer ghl-bearer-7c1e9a0b2d4f6e8a' },
	apiKey: { 'x-n8n-key': 'ghl-header-key-5a4b3c2d1e0f' },
};

const secretOf = (auth: IDataObject): string => String(auth.password ?? auth.token ?? auth.apiKey);

function customTrigger(auth: IDataObject, parameters: IDataObject = {}): WebhookTrigger {
	const helper = new TestCredentialsHelper();
	return new WebhookTrigger({
		nodeType: new GoHighLevelTrigger(),
		parameters: { authentication: 'customWebhook', ...parameters },
		helper,
		credentials: { b2bGoHighLevelWebhookApi: helper.add('b2bGoHighLevelWebhookApi', auth as never) },
	});
}

/** A workflow's Custom Webhook body built from HighLevel's contact merge fields ({{contact.first_name}}...). */
function customBody(overrides: IDataObject = {}): Buffer {
	return json({
		contact_id: 'Ct9xRq2LmN4pV7sB1kHd',
		first_name: 'Ravi',
		last_name: 'Menon',
		full_name: 'Ravi Menon',
		email: 'Ravi@Menon-Logistics.com',
		phone: '+14155550123',
		company_name: 'Menon Logistics',
		website: 'menon-logistics.com',
		address1: '1 Market St',
		city: 'San Francisco',
		state: 'CA',
		postal_code: '94105',
		country: 'US',
		full_address: '1 Market St, San Francisco CA 94105',
		tags: 'customer, vip',
		location: { id: 'Lc7hQw3ErT5yU8iO0pAs', name: 'Menon Agency' },
		...overrides,
	});
}

const post = (body: Buffer, headers: Record<string, string> = {}) => ({
	body,
	headers: { 'content-type': 'application/json', ...headers },
});

/** Neither the answer nor what the execution would start with holds the secret. */
function expectNoSecret(outcome: WebhookOutcome, secret: string): void {
	expect(JSON.stringify(outcome.result)).not.toContain(secret);
	expect(JSON.stringify(outcome.response)).not.toContain(secret);
}

describe('GoHighLevel Trigger, Custom Webhook secret', () => {
	it.each(Object.keys(CUSTOM_AUTH))(
		'%s: the right secret starts one execution; a wrong or missing one is a 401 with none',
		async (method) => {
			const auth = CUSTOM_AUTH[method];
			const node = customTrigger(auth);
			const body = customBody();
			const accepted = await node.send(post(body, AUTH_HEADERS[method]));
			const item = expectAccepted(accepted);
			expect(item).toEqual({
				body: JSON.parse(body.toString()),
				headers: { 'content-type': 'application/json' },
				verification: { method: method === 'apiKey' ? 'api-key' : method, eventId: digestOf(body) },
			});
			expectNoSecret(accepted, secretOf(auth));

			const secret = secretOf(auth);
			const wrongSecret = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
			const wrong: Record<string, Record<string, string>> = {
				basic: { authorization: basic('n8n-hooks', wrongSecret) },
				bearer: { authorization: `Bearer ${wrongSecret}` },
				apiKey: { 'x-n8n-key': wrongSecret },
			};
			// The right secret sent another way than the credential says is no better than none.
			const misplaced: Record<string, Record<string, string>> = {
				basic: { authorization: `Bearer ${secret}` },
				bearer: { 'x-api-key': secret },
				apiKey: { authorization: `Bearer ${secret}` },
			};
			for (const headers of [wrong[method], misplaced[method], {}]) {
				const refused = await node.send(post(customBody(), headers));
				expectRefused(refused, 401);
				expectNoSecret(refused, secret);
			}
		},
	);

	it('Basic: the username is checked as well, and an unreadable Authorization is a 400', async () => {
		const node = customTrigger(CUSTOM_AUTH.basic);
		expectRefused(await node.send(post(customBody(), { authorization: basic('someone-else', 'S3cret:basic-pass-0123') })), 401);
		expectRefused(await node.send(post(customBody(), { authorization: 'Basic ***' })), 400);
	});

	it('API key header: x-api-key unless the credential names another, in any case', async () => {
		const node = customTrigger({ authMethod: 'apiKey', apiKey: 'ghl-header-key-5a4b3c2d1e0f' });
		expectAccepted(await node.send(post(customBody(), { 'X-API-Key': 'ghl-header-key-5a4b3c2d1e0f' })));
		expectRefused(await node.send(post(customBody({ contact_id: 'other' }), { 'x-n8n-key': 'ghl-header-key-5a4b3c2d1e0f' })), 401);
	});

	it('refuses the same body again inside the window: the Custom Webhook sends no event id of its own', async () => {
		const node = customTrigger(CUSTOM_AUTH.bearer);
		const request = post(customBody(), AUTH_HEADERS.bearer);
		expectAccepted(await node.send(request));
		expect(expectRefused(await node.send(request), 401).body).toEqual({ error: expect.stringMatching(/already received/) });
		// Written to the node's static data as well, so another process or a restart refuses it too.
		node.reload();
		expectRefused(await node.send(request), 401);
		expectAccepted(await node.send(post(customBody({ tags: 'customer' }), AUTH_HEADERS.bearer)));
	});

	it('with an Event ID Field, the id is the event: the same id is refused even in another body, a body without it too', async () => {
		const node = customTrigger(CUSTOM_AUTH.bearer, { options: { eventIdField: 'event_id' } });
		const first = expectAccepted(
			await node.send(post(customBody({ event_id: 'Ct9xRq2LmN4pV7sB1kHd-ContactCreate' }), AUTH_HEADERS.bearer)),
		);
		expect(first.verification).toEqual({ method: 'bearer', eventId: 'Ct9xRq2LmN4pV7sB1kHd-ContactCreate' });
		const again = customBody({ event_id: 'Ct9xRq2LmN4pV7sB1kHd-ContactCreate', tags: 'customer' });
		expectRefused(await node.send(post(again, AUTH_HEADERS.bearer)), 401);
		expectRefused(await node.send(post(customBody(), AUTH_HEADERS.bearer)), 401);
		expectAccepted(await node.send(post(customBody({ event_id: 'Ct9xRq2LmN4pV7sB1kHd-ContactUpdate' }), AUTH_HEADERS.bearer)));
	});

	it('with a Timestamp Field, a stale, future or missing time is refused and the body digest still refuses a repeat', async () => {
		const node = customTrigger(CUSTOM_AUTH.apiKey, { options: { timestampField: 'sent_at', toleranceSeconds: 60 } });
		const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
		expectRefused(await node.send(post(customBody({ sent_at: at(-61_000) }), AUTH_HEADERS.apiKey)), 401);
		expectRefused(await node.send(post(customBody({ sent_at: at(61_000) }), AUTH_HEADERS.apiKey)), 401);
		expectRefused(await node.send(post(customBody(), AUTH_HEADERS.apiKey)), 401);
		expectRefused(await node.send(post(customBody({ sent_at: 'yesterday' }), AUTH_HEADERS.apiKey)), 400);
		const fresh = post(customBody({ sent_at: at(0) }), AUTH_HEADERS.apiKey);
		expect(expectAccepted(await node.send(fresh)).verification).toMatchObject({ method: 'api-key', timestamp: expect.any(String) });
		expectRefused(await node.send(fresh), 401);
	});

	it('a Marketplace signature does not stand in for the secret, nor the secret for a signature', async () => {
		const body = event();
		expectRefused(await customTrigger(CUSTOM_AUTH.bearer).send(signed(body)), 401);
		expectRefused(await trigger().send(post(event(), AUTH_HEADERS.bearer)), 401);
	});

	it('reports an unusable credential as a node error naming the field, never the secret', async () => {
		const short = { authMethod: 'bearer', token: 'tiny-tok' };
		const error = await customTrigger(short)
			.send(post(customBody(), { authorization: 'Bearer tiny-tok' }))
			.catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/Token must be at least 16 characters/);
		expect((error as Error).message).not.toContain('tiny-tok');
		await expect(customTrigger({ authMethod: 'basic', username: 'n8n-hooks' }).send(post(customBody()))).rejects.toThrow(
			/Fill in: Password/,
		);
	});

	it('checks the credential when it is tested: complete, long enough, and a header the workflow never receives', async () => {
		const check = async (data: IDataObject) =>
			await checkSharedSecretCredential.call({} as ICredentialTestFunctions, {
				id: '1',
				name: 'ghl',
				type: 'b2bGoHighLevelWebhookApi',
				data: data as never,
			});
		for (const auth of Object.values(CUSTOM_AUTH)) {
			expect(await check(auth)).toEqual({ status: 'OK', message: expect.stringMatching(/complete.*test webhook/) });
		}
		expect(await check({ authMethod: 'basic', username: 'u', password: '' })).toEqual({ status: 'Error', message: 'Fill in: Password.' });
		expect(await check({ authMethod: 'apiKey', headerName: '', apiKey: '' })).toEqual({
			status: 'Error',
			message: 'Fill in: Header Name, Header Value.',
		});
		expect(await check({ authMethod: 'bearer', token: 'short' })).toMatchObject({ status: 'Error', message: expect.stringMatching(/16/) });
		expect(await check({ ...CUSTOM_AUTH.basic, username: 'n8n:hooks' })).toEqual({
			status: 'Error',
			message: 'The Username cannot contain a colon.',
		});
		expect(await check({ ...CUSTOM_AUTH.apiKey, headerName: 'x api key' })).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/Header Name/),
		});
		expect(await check({ ...CUSTOM_AUTH.apiKey, headerName: 'User-Agent' })).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/workflow receives/),
		});
		expect(await check({})).toMatchObject({ status: 'Error' });
	});

	it('declares the credential only for the Custom Webhook, so saved workflows need none', () => {
		const { credentials, properties } = new GoHighLevelTrigger().description;
		expect(credentials).toEqual([
			expect.objectContaining({ name: 'b2bGoHighLevelWebhookApi', testedBy: 'goHighLevelWebhookCredentialCheck' }),
		]);
		expect(credentials?.[0].displayOptions).toEqual({ show: { authentication: ['customWebhook'] } });
		expect(properties.find((property) => property.name === 'authentication')?.default).toBe('marketplaceSignature');
		expect(properties.find((property) => property.name === 'output')?.default).toBe('raw');
	});
});

describe('GoHighLevel Trigger, saved workflows', () => {
	it('parameters saved before Authentication and Output existed still verify signatures and emit the raw item', async () => {
		const node = new WebhookTrigger({
			nodeType: new GoHighLevelTrigger(),
			parameters: { events: ['ContactCreate'], options: { ed25519PublicKey: ed25519.spki, toleranceSeconds: 300 } },
		});
		const body = event({ webhookId: 'wh-saved-1' });
		const item = expectAccepted(await node.send(signed(body)));
		expect(Object.keys(item)).toEqual(['body', 'headers', 'verification']);
		expect(item.verification).toMatchObject({ method: 'ed25519', eventId: 'wh-saved-1' });
		expectRefused(await node.send(post(event(), AUTH_HEADERS.bearer)), 401);
		expectIgnored(await node.send(signed(event({ type: 'OpportunityCreate' }))));
	});
});

/** HighLevel's documented ContactCreate example, with this test's names. */
function contactCreate(overrides: IDataObject = {}): Buffer {
	return event({
		type: 'ContactCreate',
		locationId: 've9EPM428h8vShlRW1KT',
		id: 'nmFmQEsNgz6AVpgLVUJ0',
		firstName: 'Zoe',
		lastName: 'Adler',
		name: 'Zoe Adler',
		email: 'zoe@adler-robotics.io',
		phone: '+15551234567',
		address1: '3535 1st St N',
		city: 'Springfield',
		state: 'AL',
		country: 'US',
		postalCode: '35601',
		companyName: 'Adler Robotics',
		website: 'https://www.adler-robotics.io',
		source: 'web form',
		dnd: false,
		tags: ['lead', 'new'],
		dateAdded: '2021-11-26T12:41:02.193Z',
		customFields: [{ id: 'BcdmQEsNgz6AVpgLVUJ0', value: 'XYZ Corp' }],
		...overrides,
	});
}

/** What every node that takes people reads from an item: no problem, and the person and company as they are. */
function expectReadByTheSyncNodes(accepted: Record<string, unknown>, email: string, companyName: string): void {
	const item = accepted as IDataObject;
	const subjects = syncSubjects(item);
	expect(subjects.problem).toBeUndefined();
	expect(subjects.person).toMatchObject({ email, phones: [expect.objectContaining({ number: expect.any(String) })] });
	expect(subjects.company).toMatchObject({ name: companyName });
	expect(personFromItem(item)).toMatchObject({ email, companyName });
	expect(
		itemProblem(item, { person: ['email', 'firstName', 'lastName', 'fullName', 'domain', 'companyName', 'linkedinUrl', 'phones'] }),
	).toBe(undefined);
	expect(personRecordFromItem(item)).toMatchObject({ email, company: companyName, phone: expect.any(String) });
}

describe('GoHighLevel Trigger, Output: Person', () => {
	it('maps a Marketplace ContactCreate to the normalized person and company, the raw item still beside them', async () => {
		const node = trigger({}, [], 'person');
		const body = contactCreate();
		const item = expectAccepted(await node.send(signed(body)));
		expect(item.person).toEqual({
			firstName: 'Zoe',
			lastName: 'Adler',
			fullName: 'Zoe Adler',
			email: 'zoe@adler-robotics.io',
			phones: [{ number: '+15551234567' }],
			location: { city: 'Springfield', state: 'AL', country: 'US' },
			companyName: 'Adler Robotics',
			companyDomain: 'adler-robotics.io',
		});
		expect(item.company).toEqual({ name: 'Adler Robotics', domain: 'adler-robotics.io', website: 'https://www.adler-robotics.io' });
		expect(item.goHighLevel).toEqual({
			contactId: 'nmFmQEsNgz6AVpgLVUJ0',
			locationId: 've9EPM428h8vShlRW1KT',
			tags: ['lead', 'new'],
			address: { street: '3535 1st St N', city: 'Springfield', state: 'AL', postalCode: '35601', country: 'US' },
		});
		expect(item.body).toEqual(JSON.parse(body.toString()));
		expect(item.verification).toMatchObject({ method: 'ed25519' });
		expectReadByTheSyncNodes(item, 'zoe@adler-robotics.io', 'Adler Robotics');
	});

	it('maps a ContactUpdate alike, and leaves other events as they are: an opportunity name is not a person', async () => {
		const node = trigger({}, [], 'person');
		const updated = expectAccepted(
			await node.send(signed(contactCreate({ type: 'ContactUpdate', lastName: 'Adler-Price', name: undefined }))),
		);
		expect(updated.person).toMatchObject({ firstName: 'Zoe', lastName: 'Adler-Price' });
		const opportunity = event({
			type: 'OpportunityCreate',
			id: 'op_1',
			contactId: 'nmFmQEsNgz6AVpgLVUJ0',
			name: 'Big deal',
			email: undefined,
		});
		expect(Object.keys(expectAccepted(await node.send(signed(opportunity))))).toEqual(['body', 'headers', 'verification']);
	});

	it("maps a Custom Webhook body of HighLevel's merge fields, an empty merge field being unknown", async () => {
		const node = customTrigger(CUSTOM_AUTH.bearer, { output: 'person' });
		const item = expectAccepted(await node.send(post(customBody(), AUTH_HEADERS.bearer)));
		expect(item.person).toEqual({
			firstName: 'Ravi',
			lastName: 'Menon',
			fullName: 'Ravi Menon',
			email: 'ravi@menon-logistics.com',
			phones: [{ number: '+14155550123' }],
			location: { city: 'San Francisco', state: 'CA', country: 'US' },
			companyName: 'Menon Logistics',
			companyDomain: 'menon-logistics.com',
		});
		expect(item.company).toEqual({ name: 'Menon Logistics', domain: 'menon-logistics.com', website: 'menon-logistics.com' });
		expect(item.goHighLevel).toEqual({
			contactId: 'Ct9xRq2LmN4pV7sB1kHd',
			locationId: 'Lc7hQw3ErT5yU8iO0pAs',
			tags: ['customer', 'vip'],
			address: { street: '1 Market St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' },
			fullAddress: '1 Market St, San Francisco CA 94105',
		});
		expect(JSON.stringify(item)).not.toContain(CUSTOM_AUTH.bearer.token);
		expectReadByTheSyncNodes(item, 'ravi@menon-logistics.com', 'Menon Logistics');

		const sparse = expectAccepted(
			await node.send(
				post(
					json({ contact_id: 'c2', first_name: 'Ada', email: 'ada@example.com', company_name: '', phone: '', tags: '' }),
					AUTH_HEADERS.bearer,
				),
			),
		);
		expect(sparse.person).toEqual({ firstName: 'Ada', email: 'ada@example.com' });
		expect(sparse.company).toBeUndefined();
		expect(sparse.goHighLevel).toEqual({ contactId: 'c2' });
	});

	it('adds nothing for a body that is not a contact record', async () => {
		const node = customTrigger(CUSTOM_AUTH.bearer, { output: 'person' });
		const item = expectAccepted(
			await node.send({ body: Buffer.from('plain text'), headers: { 'content-type': 'text/plain', ...AUTH_HEADERS.bearer } }),
		);
		expect(Object.keys(item)).toEqual(['body', 'headers', 'verification']);
	});
});
