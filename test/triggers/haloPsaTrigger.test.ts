import type { ICredentialTestFunctions, IDataObject, INodeParameters } from 'n8n-workflow';

import { HaloPsaTrigger } from '../../nodes/HaloPsaTrigger/HaloPsaTrigger.node';
import { checkHaloPsaWebhookCredential } from '../../nodes/HaloPsaTrigger/auth';
import { TestCredentialsHelper, WebhookTrigger } from '../harness';
import { useSandbox } from '../credentials-flow/flow';
import { HttpError } from '../../sandbox/http-util';
import { digestOf, expectAccepted, expectIgnored, expectRefused, hmacHex, json } from './fixtures';
import { haloPsaApiCredential } from './haloPsa';

const WEBHOOK_AUTH: Record<string, IDataObject> = {
	basic: { authMethod: 'basic', username: 'halo-webhooks', password: 'Pa55:w0rd é' },
	bearer: { authMethod: 'bearer', token: 'hb-7e1f0c9a2b' },
	apiKey: { authMethod: 'apiKey', headerName: 'X-Halo-Key', apiKey: 'hk-41d2c3b4a5' },
	hmac: { authMethod: 'hmac', secret: 'halo-hmac-secret-1', signatureHeader: 'x-halopsa-signature' },
};

function trigger(auth: IDataObject, parameters: IDataObject = {}, helper = new TestCredentialsHelper()): WebhookTrigger {
	const webhookCredential = helper.add('b2bHaloPsaWebhookApi', auth as never);
	const credentials = { b2bHaloPsaWebhookApi: webhookCredential, ...((parameters.credentials as object) ?? {}) };
	delete parameters.credentials;
	return new WebhookTrigger({ nodeType: new HaloPsaTrigger(), parameters: parameters as INodeParameters, helper, credentials });
}

const payload = json({
	event: 'Ticket Logged',
	object_type: 'Ticket',
	object_id: 1042,
	ticket: { id: 1042, summary: 'Printer on fire', client_id: 7 },
});
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('HaloPSA Trigger authentication', () => {
	it('Basic: accepts the right user and password, refuses anything else without an execution', async () => {
		const node = trigger(WEBHOOK_AUTH.basic);
		const item = expectAccepted(
			await node.send({
				body: payload,
				headers: { 'content-type': 'application/json', authorization: basic('halo-webhooks', 'Pa55:w0rd é') },
			}),
		);
		expect(item).toEqual({
			body: JSON.parse(payload.toString()),
			headers: { 'content-type': 'application/json' },
			verification: { method: 'basic', eventId: digestOf(payload) },
			event: { name: 'Ticket Logged' },
		});
		expectRefused(await node.send({ body: payload, headers: { authorization: basic('halo-webhooks', 'Pa55:w0rd e') } }), 401);
		expectRefused(await node.send({ body: payload, headers: { authorization: basic('other', 'Pa55:w0rd é') } }), 401);
		expectRefused(await node.send({ body: payload, headers: {} }), 401);
		expectRefused(await node.send({ body: payload, headers: { authorization: 'Bearer hb-7e1f0c9a2b' } }), 401);
		expectRefused(await node.send({ body: payload, headers: { authorization: 'Basic ***' } }), 400);
	});

	it('refuses the same body again inside the window: HaloPSA sends no event id or timestamp, so the body is the event', async () => {
		const node = trigger(WEBHOOK_AUTH.bearer);
		const headers = { authorization: 'Bearer hb-7e1f0c9a2b' };
		expectAccepted(await node.send({ body: payload, headers }));
		expect(expectRefused(await node.send({ body: payload, headers }), 401).body).toEqual({
			error: expect.stringMatching(/already received/),
		});
		expectAccepted(await node.send({ body: json({ event: 'Ticket Updated', object_id: 1043 }), headers }));
	});

	it('Bearer and API key header: compared in constant time, never passed on to the workflow', async () => {
		const bearer = trigger(WEBHOOK_AUTH.bearer);
		const item = expectAccepted(
			await bearer.send({ body: payload, headers: { authorization: 'Bearer hb-7e1f0c9a2b', 'user-agent': 'HaloPSA-Webhook/1.0' } }),
		);
		expect(item.headers).toEqual({ 'user-agent': 'HaloPSA-Webhook/1.0' });
		expectRefused(await bearer.send({ body: payload, headers: { authorization: 'Bearer hb-7e1f0c9a2' } }), 401);

		const apiKey = trigger(WEBHOOK_AUTH.apiKey);
		const keyed = expectAccepted(await apiKey.send({ body: payload, headers: { 'x-halo-key': 'hk-41d2c3b4a5' } }));
		expect(JSON.stringify(keyed)).not.toContain('hk-41d2c3b4a5');
		expectRefused(await apiKey.send({ body: payload, headers: { 'x-halo-key': 'hk-41d2c3b4a6' } }), 401);
		expectRefused(await apiKey.send({ body: payload, headers: { 'x-api-key': 'hk-41d2c3b4a5' } }), 401);
	});

	it('HMAC: x-halopsa-signature, hex HMAC-SHA256 of the raw JSON or form body', async () => {
		const node = trigger(WEBHOOK_AUTH.hmac);
		const sign = (body: Buffer) => hmacHex('halo-hmac-secret-1', body);
		expect(expectAccepted(await node.send({ body: payload, headers: { 'x-halopsa-signature': sign(payload) } })).verification).toEqual({
			method: 'hmac-sha256',
			eventId: digestOf(payload),
		});
		const form = Buffer.from('event=Ticket+Updated&object_id=1042');
		const formItem = expectAccepted(
			await node.send({ body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-halopsa-signature': sign(form) } }),
		);
		expect(formItem.body).toEqual({ event: 'Ticket Updated', object_id: '1042' });
		const reserialized = Buffer.from(JSON.stringify(JSON.parse(payload.toString())));
		expectRefused(await node.send({ body: reserialized, headers: { 'x-halopsa-signature': sign(payload) } }), 401);
		expectRefused(await node.send({ body: payload, headers: { 'x-halopsa-signature': sign(payload).slice(0, 63) } }), 400);
		expectRefused(await node.send({ body: payload, headers: { 'x-halopsa-signature': sign(payload).slice(0, 62) } }), 401);
	});

	it('filters on the event and object type HaloPSA sends, passing the payload through untouched', async () => {
		const node = trigger(WEBHOOK_AUTH.bearer, { filters: { events: 'ticket logged, Ticket Updated', objectTypes: 'Ticket' } });
		const headers = { authorization: 'Bearer hb-7e1f0c9a2b' };
		expect(expectAccepted(await node.send({ body: payload, headers })).body).toEqual(JSON.parse(payload.toString()));
		expectIgnored(await node.send({ body: json({ event: 'Ticket Closed', object_type: 'Ticket' }), headers }));
		expectIgnored(await node.send({ body: json({ event: 'Ticket Logged', object_type: 'Client' }), headers }));
		const nested = trigger(WEBHOOK_AUTH.bearer, { filters: { eventField: 'meta.event', events: 'Client Created' } });
		expectAccepted(await nested.send({ body: json({ meta: { event: 'Client Created' } }), headers }));
	});

	it('ignores a call naming an event not chosen, by number or listed name, and names the event it passes on', async () => {
		const node = trigger(WEBHOOK_AUTH.bearer, { events: [3], eventNumbers: '12345' });
		const headers = { authorization: 'Bearer hb-7e1f0c9a2b' };
		const accepted = async (body: unknown) => expectAccepted(await node.send({ body: json(body), headers })).event;
		expect(await accepted({ event: 3, object_id: 1 })).toEqual({ number: 3, name: 'New Ticket Logged' });
		expect(await accepted({ event: 'new ticket logged', object_id: 2 })).toEqual({ number: 3, name: 'New Ticket Logged' });
		expect(await accepted({ event: 12345, object_id: 3 })).toEqual({ number: 12345 });
		// HaloPSA publishes neither its payload nor all its event names: a value the list cannot place is let through.
		expect(await accepted({ event: 'Ticket Logged', object_id: 4 })).toEqual({ name: 'Ticket Logged' });
		expect((await accepted({ object_id: 5 })) ?? 'none').toBe('none');
		expectIgnored(await node.send({ body: json({ event: 39, object_id: 6 }), headers }));
		expectIgnored(await node.send({ body: json({ event: 'Closed', object_id: 7 }), headers }));

		const form = Buffer.from('event=76&object_id=8');
		const formHeaders = { ...headers, 'content-type': 'application/x-www-form-urlencoded' };
		const statusChanged = trigger(WEBHOOK_AUTH.bearer, { events: [76], filters: { eventField: 'meta.event' } });
		expect(expectAccepted(await statusChanged.send({ body: json({ meta: { event: '76' } }), headers })).event).toEqual({
			number: 76,
			name: 'Ticket Status Changed',
		});
		expectIgnored(await statusChanged.send({ body: json({ meta: { event: 3 } }), headers }));
		expect(expectAccepted(await trigger(WEBHOOK_AUTH.bearer, { events: [76] }).send({ body: form, headers: formHeaders })).event).toEqual({
			number: 76,
			name: 'Ticket Status Changed',
		});
	});

	it('refuses to activate with an event number that is not a number, naming the parameter, even without registration', async () => {
		await expect(trigger(WEBHOOK_AUTH.basic, { eventNumbers: '5, ticket closed' }).lifecycle('checkExists')).rejects.toThrow(
			'Other Event Numbers must be whole numbers separated by commas, and "ticket" is not one',
		);
		await expect(trigger(WEBHOOK_AUTH.basic, { eventNumbers: '5, -1' }).lifecycle('checkExists')).rejects.toThrow(/Other Event Numbers/);
		expect(await trigger(WEBHOOK_AUTH.basic, { events: [3], eventNumbers: ' 5,17 ' }).lifecycle('checkExists')).toBe(true);
	});

	it('checks the credential for completeness, saying that only a test webhook proves it', async () => {
		const check = async (data: IDataObject) =>
			await checkHaloPsaWebhookCredential.call({} as ICredentialTestFunctions, {
				id: '1',
				name: 'halo',
				type: 'b2bHaloPsaWebhookApi',
				data: data as never,
			});
		expect(await check(WEBHOOK_AUTH.basic)).toEqual({ status: 'OK', message: expect.stringMatching(/complete.*test webhook/) });
		expect(await check({ authMethod: 'basic', username: 'u', password: '' })).toEqual({ status: 'Error', message: 'Fill in: password.' });
		expect(await check({ authMethod: 'apiKey', headerName: '', apiKey: 'k' })).toMatchObject({ status: 'Error' });
	});
});

describe('HaloPSA Trigger registration in HaloPSA', () => {
	const sandbox = useSandbox();
	const halo = () => sandbox().haloPsa.state;

	function registering(auth: IDataObject, parameters: IDataObject = {}): WebhookTrigger {
		const helper = new TestCredentialsHelper();
		const api = haloPsaApiCredential(helper, sandbox());
		return trigger(auth, { register: true, eventNumbers: '5, 1', ...parameters, credentials: { b2bHaloPsaOAuth2Api: api } }, helper);
	}

	it('creates the webhook and its notifications on activation, keeps them while they match, removes them on deactivation', async () => {
		const node = registering(WEBHOOK_AUTH.basic);
		expect(await node.lifecycle('checkExists')).toBe(false);
		expect(await node.lifecycle('create')).toBe(true);

		const [webhook] = halo().webhooks.list();
		expect(webhook).toMatchObject({
			url: node.webhookUrl(),
			method: 0,
			content_type: 'application/json',
			authentication_type: 1,
			basic_username: 'halo-webhooks',
			basic_password: 'Pa55:w0rd é',
		});
		expect(webhook.name).toMatch(/^n8n: /);
		const notifications = halo().notifications.list();
		expect(notifications.map((n) => ({ webhook_id: n.webhook_id, delivery_method: n.delivery_method, eventno: n.eventno }))).toEqual([
			{ webhook_id: webhook.id, delivery_method: 6, eventno: 1 },
			{ webhook_id: webhook.id, delivery_method: 6, eventno: 5 },
		]);
		expect(node.staticData()).toEqual({ webhookId: webhook.id, notificationIds: notifications.map((n) => n.id) });

		// As after an n8n restart: the registration is found and kept, nothing is created twice.
		node.reload();
		expect(await node.lifecycle('checkExists')).toBe(true);
		expect(halo().webhooks.size).toBe(1);

		expect(await node.lifecycle('delete')).toBe(true);
		expect(halo().webhooks.size).toBe(0);
		expect(halo().notifications.size).toBe(0);
		expect(node.staticData()).toEqual({});
	});

	it('replaces a registration whose events or authentication changed, instead of leaving a stale one', async () => {
		await registering(WEBHOOK_AUTH.basic).activate();
		const [old] = halo().webhooks.list();
		const changed = registering(WEBHOOK_AUTH.bearer, { eventNumbers: '1, 5, 9' });
		await changed.activate();
		const webhooks = halo().webhooks.list();
		expect(webhooks).toHaveLength(1);
		expect(webhooks[0].id).not.toBe(old.id);
		expect(webhooks[0]).toMatchObject({ authentication_type: 2, bearer_token: 'hb-7e1f0c9a2b' });
		expect(
			halo()
				.notifications.list()
				.map((n) => n.eventno),
		).toEqual([1, 5, 9]);
		expect(
			halo()
				.notifications.list()
				.every((n) => n.webhook_id === webhooks[0].id),
		).toBe(true);
	});

	it('sends the API key under the configured field names, and extra fields override the defaults', async () => {
		// The names are the user's, for a HaloPSA that takes fields its published model lacks.
		sandbox().configure({ haloPsa: { refuseUnknownFields: false } });
		const node = registering(WEBHOOK_AUTH.apiKey, {
			registration: {
				fieldForHeaderName: 'header_name',
				fieldForHeaderValue: 'header_value',
				additionalFields: '{"method": "POST", "active": true}',
				webhookName: 'CRM sync',
			},
		});
		await node.activate();
		expect(halo().webhooks.list()[0]).toMatchObject({
			name: 'CRM sync',
			method: 'POST',
			active: true,
			authentication_type: 3,
			header_name: 'X-Halo-Key',
			header_value: 'hk-41d2c3b4a5',
		});
	});

	it('deactivates cleanly when the webhook was already removed in HaloPSA', async () => {
		const node = registering(WEBHOOK_AUTH.hmac);
		await node.activate();
		expect(halo().webhooks.list()[0]).toMatchObject({ authentication_type: 0 });
		for (const record of halo().notifications.list()) halo().notifications.delete(record.id);
		for (const record of halo().webhooks.list()) halo().webhooks.delete(record.id);
		expect(await node.lifecycle('delete')).toBe(true);
		expect(node.staticData()).toEqual({});
	});

	it('takes the webhook back out when HaloPSA refuses its notifications, and reports the failure', async () => {
		const refuseNotifications = jest.spyOn(halo().notifications, 'insert').mockImplementation(() => {
			throw new HttpError(400, { ClassName: 'System.Exception', message: 'eventno 5 is not available' });
		});
		try {
			await expect(registering(WEBHOOK_AUTH.basic).lifecycle('create')).rejects.toThrow(/eventno 5 is not available/);
		} finally {
			refuseNotifications.mockRestore();
		}
		expect(halo().webhooks.size).toBe(0);
	});

	it('binds the named events, together with any other event numbers, one notification each', async () => {
		await registering(WEBHOOK_AUTH.basic, { events: [76, 3, 1072], eventNumbers: '' }).activate();
		const [webhook] = halo().webhooks.list();
		expect(
			halo()
				.notifications.list()
				.map((n) => [n.webhook_id, n.delivery_method, n.eventno]),
		).toEqual([
			[webhook.id, 6, 3],
			[webhook.id, 6, 76],
			[webhook.id, 6, 1072],
		]);

		// The union: a number given both ways is bound once.
		await registering(WEBHOOK_AUTH.basic, { events: [3, 39], eventNumbers: '39, 5' }).activate();
		expect(
			halo()
				.notifications.list()
				.map((n) => n.eventno),
		).toEqual([3, 5, 39]);
	});

	it('keeps the registration of a workflow saved with event numbers when the same events are then chosen by name', async () => {
		// As saved before the Events list: the numbers in the parameter then labelled HaloPSA Event Numbers.
		const saved = registering(WEBHOOK_AUTH.basic, { eventNumbers: '76, 3' });
		await saved.activate();
		const [webhook] = halo().webhooks.list();
		expect(
			halo()
				.notifications.list()
				.map((n) => n.eventno),
		).toEqual([3, 76]);

		sandbox().clearLog();
		expect(await registering(WEBHOOK_AUTH.basic, { events: [3, 76], eventNumbers: '' }).lifecycle('checkExists')).toBe(true);
		expect(
			halo()
				.webhooks.list()
				.map((w) => w.id),
		).toEqual([webhook.id]);
		const writes = sandbox()
			.requests({ provider: 'haloPsa' })
			.filter((request) => request.method !== 'GET' && /\/(Webhook|Notification)\b/.test(request.path));
		expect(writes).toHaveLength(0);
	});

	it('refuses event numbers that are not numbers, or no event at all, before calling HaloPSA', async () => {
		sandbox().clearLog();
		await expect(registering(WEBHOOK_AUTH.basic, { eventNumbers: 'ticket created' }).lifecycle('create')).rejects.toThrow(
			/^Other Event Numbers must be whole numbers/,
		);
		await expect(registering(WEBHOOK_AUTH.basic, { eventNumbers: '3', events: ['closed'] }).lifecycle('create')).rejects.toThrow(
			'Events must be HaloPSA event numbers',
		);
		await expect(registering(WEBHOOK_AUTH.basic, { eventNumbers: '' }).lifecycle('checkExists')).rejects.toThrow(
			'Choose at least one HaloPSA event under Events or Other Event Numbers',
		);
		expect(sandbox().requests({ provider: 'haloPsa' })).toHaveLength(0);
		expect(halo().webhooks.size).toBe(0);
	});

	it('touches nothing in HaloPSA when registration is off', async () => {
		const node = trigger(WEBHOOK_AUTH.basic);
		sandbox().clearLog();
		expect(await node.lifecycle('checkExists')).toBe(true);
		expect(await node.lifecycle('create')).toBe(true);
		expect(await node.lifecycle('delete')).toBe(true);
		expect(sandbox().requests({ provider: 'haloPsa' })).toHaveLength(0);
	});
});
