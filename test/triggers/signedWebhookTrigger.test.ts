import { randomUUID } from 'crypto';

import type { ICredentialDataDecryptedObject, ICredentialTestFunctions, IDataObject, INodeParameters } from 'n8n-workflow';

import { checkWebhookSecret } from '../../lib/webhooks';
import { SignedWebhookTrigger } from '../../nodes/SignedWebhookTrigger/SignedWebhookTrigger.node';
import { TestCredentialsHelper, WebhookTrigger } from '../harness';
import { digestOf, expectAccepted, expectIgnored, expectRefused, hmacHex, json } from './fixtures';

const SECRET = 'apollo-callback-secret-7c1d';
const seconds = (offset = 0) => String(Math.floor(Date.now() / 1000) + offset);

function trigger(parameters: IDataObject, credential: IDataObject = { secret: SECRET }): WebhookTrigger {
	const helper = new TestCredentialsHelper();
	const id = helper.add('b2bWebhookSecretApi', credential as ICredentialDataDecryptedObject);
	return new WebhookTrigger({
		nodeType: new SignedWebhookTrigger(),
		parameters: parameters as INodeParameters,
		helper,
		credentials: { b2bWebhookSecretApi: id },
	});
}

const body = json({ id: 'evt_1', type: 'person.phone_revealed', person: { id: 'p_1', phone: '+1 555 0100' } });
const form = Buffer.from('type=person.updated&person_id=p_2&phone=%2B1+555+0101');

describe('Signed Webhook Trigger presets', () => {
	it('Apollo: x-apollo-signature, hex HMAC-SHA256 of the raw body; JSON and form bodies', async () => {
		const node = trigger({ preset: 'apollo' });
		const item = expectAccepted(
			await node.send({ body, headers: { 'content-type': 'application/json', 'x-apollo-signature': hmacHex(SECRET, body) } }),
		);
		expect(item).toEqual({
			body: JSON.parse(body.toString()),
			headers: { 'content-type': 'application/json' },
			verification: { method: 'hmac-sha256', eventId: digestOf(body) },
		});
		const formItem = expectAccepted(
			await node.send({
				body: form,
				headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-apollo-signature': hmacHex(SECRET, form) },
			}),
		);
		expect(formItem.body).toEqual({ type: 'person.updated', person_id: 'p_2', phone: '+1 555 0101' });
		expectRefused(await node.send({ body, headers: { 'x-apollo-signature': hmacHex('wrong', body) } }), 401);
		expectRefused(await node.send({ body, headers: {} }), 401);
		expectRefused(await node.send({ body, headers: { 'x-apollo-signature': 'not-hex' } }), 400);
	});

	it('generic scheme: X-Webhook-Signature over {timestamp}.{body}, 300 s tolerance', async () => {
		const node = trigger({ preset: 'seedGeneric' });
		const signedAt = (timestamp: string) => ({
			body,
			headers: { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': hmacHex(SECRET, `${timestamp}.${body.toString()}`) },
		});
		const item = expectAccepted(await node.send(signedAt(seconds())));
		expect(item.headers).toMatchObject({ 'x-webhook-timestamp': expect.any(String) });
		expect(item.verification).toMatchObject({ method: 'hmac-sha256', timestamp: expect.any(String) });
		expectRefused(await node.send(signedAt(seconds(-301))), 401);
		expectRefused(await node.send(signedAt(seconds(301))), 401);
		const moved = signedAt(seconds());
		moved.headers['x-webhook-timestamp'] = seconds(-10);
		expectRefused(await node.send(moved), 401);
		expectRefused(await node.send({ body, headers: { 'x-webhook-signature': hmacHex(SECRET, body) } }), 401);
	});

	it('GitHub style: sha256=<hex> in X-Hub-Signature-256, event headers passed on', async () => {
		const node = trigger({ preset: 'github' });
		const headers = {
			'x-hub-signature-256': `sha256=${hmacHex(SECRET, body)}`,
			'x-github-event': 'push',
			'x-github-delivery': randomUUID(),
		};
		expect(expectAccepted(await node.send({ body, headers })).headers).toMatchObject({ 'x-github-event': 'push' });
		// GitHub signs the body alone and its delivery header is not signed: the same body again is the replay.
		expectRefused(await node.send({ body, headers: { ...headers, 'x-github-delivery': randomUUID() } }), 401);
		expectRefused(await node.send({ body, headers: { 'x-hub-signature-256': hmacHex(SECRET, body) } }), 400);
	});

	it("GitHub style: GitHub's published example verifies with no Content-Type, octet-stream or JSON, read from its bytes", async () => {
		const github = () => trigger({ preset: 'github' }, { secret: "It's a Secret to Everybody" });
		const signature = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
		for (const headers of [{}, { 'content-type': 'application/octet-stream' }, { 'content-type': 'text/plain' }] as Array<
			Record<string, string>
		>) {
			// One workflow per content type: the same body twice to one workflow is a replay.
			const item = expectAccepted(
				await github().send({ body: 'Hello, World!', headers: { ...headers, 'x-hub-signature-256': signature } }),
			);
			expect(item.body).toBe('Hello, World!');
		}
		const node = github();
		const payload = json({ action: 'opened', number: 7 });
		const signed = { 'x-hub-signature-256': `sha256=${hmacHex("It's a Secret to Everybody", payload)}` };
		expect(expectAccepted(await node.send({ body: payload, headers: signed })).body).toEqual({ action: 'opened', number: 7 });
		expectRefused(await node.send({ body: 'Hello, World?', headers: { 'x-hub-signature-256': signature } }), 401);
	});

	it('Stripe style: t=...,v1=... over {t}.{body}; stale refused; a replayed event id refused', async () => {
		const node = trigger({ preset: 'stripe' });
		const event = (id: string, timestamp = seconds()) => {
			const payload = json({ id, type: 'invoice.paid', data: { object: { id: 'in_1' } } });
			return {
				body: payload,
				headers: {
					'content-type': 'application/json',
					'stripe-signature': `t=${timestamp},v1=${hmacHex(SECRET, `${timestamp}.${payload.toString()}`)}`,
				},
			};
		};
		const first = event(`evt_${randomUUID()}`);
		expect(expectAccepted(await node.send(first)).verification).toMatchObject({
			method: 'hmac-sha256',
			eventId: expect.stringMatching(/^evt_/),
		});
		expectRefused(await node.send(first), 401);
		expectAccepted(await node.send(event(`evt_${randomUUID()}`)));
		expectRefused(await node.send(event(`evt_${randomUUID()}`, seconds(-400))), 401);
		expectRefused(await node.send({ body, headers: { 'stripe-signature': 'v1=abc' } }), 400);
	});

	it('a replay relabelled with another Content-Type is still the same event, and an event without its id is refused', async () => {
		const node = trigger({ preset: 'stripe' });
		const signed = (payload: Buffer, contentType: string) => {
			const timestamp = seconds();
			return {
				body: payload,
				headers: {
					'content-type': contentType,
					'stripe-signature': `t=${timestamp},v1=${hmacHex(SECRET, `${timestamp}.${payload.toString()}`)}`,
				},
			};
		};
		const payload = json({ id: `evt_${randomUUID()}`, type: 'invoice.paid' });
		expectAccepted(await node.send(signed(payload, 'application/json')));
		for (const contentType of [
			'text/plain',
			'application/octet-stream',
			'application/xml',
			'application/x-www-form-urlencoded',
			'application/jsonx',
			'',
		]) {
			expect({ contentType, status: (await node.send(signed(payload, contentType))).response.statusCode }).toEqual({
				contentType,
				status: 401,
			});
		}
		const relabelled = json({ id: `evt_${randomUUID()}`, type: 'invoice.paid' });
		expect(expectAccepted(await node.send(signed(relabelled, 'text/plain'))).body).toEqual(JSON.parse(relabelled.toString()));
		const refusal = expectRefused(await node.send(signed(json({ type: 'invoice.paid' }), 'application/json')), 401);
		expect(JSON.stringify(refusal.body)).toContain('body carries no id');
	});
});

describe('Signed Webhook Trigger, Apollo phone reveal with the secret in the URL', () => {
	const URL_SECRET = 'Q7c2Wm9xTf4Lr8Kd1Nh6';
	const reveal = json({
		status: 'success',
		people: [{ id: 'p_1', status: 'success', phone_numbers: [{ raw_number: '+1 555 0100', type_cd: 'mobile' }] }],
	});
	const unsigned = (payload: Buffer, query: Record<string, string | string[]>) => ({
		body: payload,
		headers: { 'content-type': 'application/json' },
		query,
	});

	it('accepts an unsigned callback whose URL carries the secret, and never outputs the secret', async () => {
		const node = trigger({ preset: 'apolloUrlSecret' }, { secret: URL_SECRET });
		const outcome = await node.send(unsigned(reveal, { token: URL_SECRET }));
		const item = expectAccepted(outcome);
		expect(item).toEqual({
			body: JSON.parse(reveal.toString()),
			headers: { 'content-type': 'application/json' },
			verification: { method: 'url-secret', eventId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
		});
		expect(JSON.stringify(outcome)).not.toContain(URL_SECRET);
	});

	it('refuses a missing, wrong or repeated token with no execution, and names the parameter it reads', async () => {
		const node = trigger({ preset: 'apolloUrlSecret', queryParameter: 'key' }, { secret: URL_SECRET });
		expectRefused(await node.send(unsigned(reveal, {})), 401);
		expectRefused(await node.send(unsigned(reveal, { token: URL_SECRET })), 401);
		expectRefused(await node.send(unsigned(reveal, { key: `${URL_SECRET}x` })), 401);
		expectRefused(await node.send(unsigned(reveal, { key: URL_SECRET.slice(0, -1) })), 401);
		const repeated = expectRefused(await node.send(unsigned(reveal, { key: [URL_SECRET, URL_SECRET] })), 400);
		expect(JSON.stringify(repeated.body)).toContain('key more than once');
		expectAccepted(await node.send(unsigned(json({ people: [{ id: `p_${randomUUID()}` }] }), { key: URL_SECRET })));
	});

	it('refuses the same body a second time inside the window, or by the event id field when one is named', async () => {
		const node = trigger({ preset: 'apolloUrlSecret' }, { secret: URL_SECRET });
		const payload = json({ status: 'success', people: [{ id: `p_${randomUUID()}` }] });
		expectAccepted(await node.send(unsigned(payload, { token: URL_SECRET })));
		expect(JSON.stringify(expectRefused(await node.send(unsigned(payload, { token: URL_SECRET })), 401).body)).toContain(
			'already received',
		);
		const byId = trigger({ preset: 'apolloUrlSecret', options: { eventIdBodyField: 'request_id' } }, { secret: URL_SECRET });
		const first = json({ request_id: `r_${randomUUID()}`, people: [] });
		expectAccepted(await byId.send(unsigned(first, { token: URL_SECRET })));
		const sameId = json({ ...JSON.parse(first.toString()), people: [{ id: 'p_9' }] });
		expectRefused(await byId.send(unsigned(sameId, { token: URL_SECRET })), 401);
	});

	it('will not run with a secret short enough to guess', async () => {
		await expect(
			trigger({ preset: 'apolloUrlSecret' }, { secret: 'short-secret' }).send(unsigned(reveal, { token: 'short-secret' })),
		).rejects.toThrow(/at least 16 characters/);
	});
});

describe('Signed Webhook Trigger, custom scheme', () => {
	const custom = {
		preset: 'custom',
		signatureHeader: 'Webhook-Signature',
		algorithm: 'sha512',
		encoding: 'base64',
		prefix: 'v1,',
		timestampHeader: 'Webhook-Timestamp',
		eventIdHeader: 'Webhook-Id',
		payloadLayout: '{eventId}.{timestamp}.{body}',
	};
	const signedCall = (id: string, timestamp = seconds(), secret = SECRET) => ({
		body,
		headers: {
			'webhook-id': id,
			'webhook-timestamp': timestamp,
			'webhook-signature': `v1,${Buffer.from(hmacHex(secret, `${id}.${timestamp}.${body.toString()}`, 'sha512'), 'hex').toString('base64')}`,
		},
	});

	it('verifies a Standard-Webhooks-like layout and refuses a replayed id', async () => {
		const node = trigger(custom);
		const call = signedCall(`msg_${randomUUID()}`);
		expect(expectAccepted(await node.send(call)).verification).toMatchObject({
			method: 'hmac-sha512',
			eventId: call.headers['webhook-id'],
		});
		expectRefused(await node.send(call), 401);
		const renamed = { ...call, headers: { ...call.headers, 'webhook-id': `msg_${randomUUID()}` } };
		expectRefused(await node.send(renamed), 401);
		expectRefused(await node.send(signedCall(`msg_${randomUUID()}`, seconds(), 'other')), 401);
	});

	it('accepts a Standard Webhooks header with several signatures when any one matches, malformed only if none does', async () => {
		const node = trigger(custom);
		const withSignatures = (id: string, signatures: (valid: string) => string) => {
			const call = signedCall(id);
			return { ...call, headers: { ...call.headers, 'webhook-signature': signatures(call.headers['webhook-signature']) } };
		};
		const otherKey = (id: string) => signedCall(id, seconds(), 'the-old-secret').headers['webhook-signature'];
		const ids = Array.from({ length: 6 }, () => `msg_${randomUUID()}`);
		expectAccepted(await node.send(withSignatures(ids[0], (valid) => `${otherKey(ids[0])} ${valid}`)));
		expectAccepted(await node.send(withSignatures(ids[1], (valid) => `${valid} v1,not*base64`)));
		expectAccepted(await node.send(withSignatures(ids[2], (valid) => `v1a,c29tZXRoaW5n  ${valid}`)));
		expectRefused(await node.send(withSignatures(ids[3], () => `${otherKey(ids[3])} ${otherKey(ids[3])}`)), 401);
		expectRefused(await node.send(withSignatures(ids[4], () => `${otherKey(ids[4])} v1,not*base64`)), 400);
		expectRefused(await node.send(withSignatures(ids[5], () => 'v1,not*base64')), 400);
	});

	it('uses a base64 secret as bytes when the credential says so', async () => {
		const raw = Buffer.from('c2VjcmV0LWJ5dGVz', 'base64').toString('latin1');
		const node = trigger(custom, { secret: 'c2VjcmV0LWJ5dGVz', format: 'base64' });
		expectAccepted(await node.send(signedCall(`msg_${randomUUID()}`, seconds(), raw)));
	});

	it('reports settings that would sign too little, or an undecodable secret, as node errors', async () => {
		await expect(trigger({ ...custom, payloadLayout: '{timestamp}' }).send(signedCall('m'))).rejects.toThrow(/must contain \{body\}/);
		await expect(trigger(custom, { secret: '%%%', format: 'hex' }).send(signedCall('m'))).rejects.toThrow(/secret/);
	});

	it('filters on an event field after verification, and answers other genuine events 200', async () => {
		const node = trigger({ preset: 'apollo', options: { events: 'person.phone_revealed, person.updated' } });
		expectAccepted(await node.send({ body, headers: { 'x-apollo-signature': hmacHex(SECRET, body) } }));
		const other = json({ type: 'person.deleted' });
		expectIgnored(await node.send({ body: other, headers: { 'x-apollo-signature': hmacHex(SECRET, other) } }));
		expectRefused(await node.send({ body: other, headers: {} }), 401);
	});
});

describe('Webhook Secret credential check', () => {
	const check = async (data: IDataObject) =>
		await checkWebhookSecret.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'secret',
			type: 'b2bWebhookSecretApi',
			data: data as never,
		});

	it('says whether the secret is usable, and that only a test webhook can prove it', async () => {
		expect(await check({ secret: SECRET, format: 'text' })).toEqual({
			status: 'OK',
			message: expect.stringMatching(/27 bytes.*test webhook/),
		});
		expect(await check({ secret: '', format: 'text' })).toMatchObject({ status: 'Error' });
		expect(await check({ secret: 'zz', format: 'hex' })).toMatchObject({ status: 'Error' });
	});
});
