import { randomUUID } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { GoHighLevelTrigger } from '../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node';
import { WebhookTrigger } from '../harness';
import { expectAccepted, expectIgnored, expectRefused, json, keyPair } from './fixtures';

const ed25519 = keyPair('ed25519');
const rsa = keyPair('rsa');

function trigger(options: IDataObject = {}, events: string[] = []): WebhookTrigger {
	return new WebhookTrigger({
		nodeType: new GoHighLevelTrigger(),
		parameters: { events, options: { ed25519PublicKey: ed25519.spki, ...options } },
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
