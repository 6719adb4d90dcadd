import { randomUUID } from 'crypto';

import type { ICredentialDataDecryptedObject, IDataObject, INodeType } from 'n8n-workflow';

import { MAX_PERSISTED_IDS } from '../../lib/webhooks/replay-store';
import { TestCredentialsHelper, WebhookTrigger } from '../harness';
import { expectAccepted, expectRefused, hmacHex, json } from './fixtures';

const SECRET = 'stripe-style-secret-5e1a';

/** A copy of the node with its own module state: what another n8n process, or the same one restarted, loads. */
function nodeTypeOfAnotherProcess(): INodeType {
	let nodeType: INodeType | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SignedWebhookTrigger } = require('../../nodes/SignedWebhookTrigger/SignedWebhookTrigger.node');
		nodeType = new SignedWebhookTrigger() as INodeType;
	});
	return nodeType!;
}

function trigger(nodeType: INodeType, staticData?: IDataObject): WebhookTrigger {
	const helper = new TestCredentialsHelper();
	const id = helper.add('b2bWebhookSecretApi', { secret: SECRET } as ICredentialDataDecryptedObject);
	return new WebhookTrigger({
		nodeType,
		parameters: { preset: 'stripe' },
		helper,
		credentials: { b2bWebhookSecretApi: id },
		workflowId: 'replay-workflow',
		staticData,
	});
}

function stripeEvent(id: string) {
	const timestamp = String(Math.floor(Date.now() / 1000));
	const payload = json({ id, type: 'invoice.paid' });
	return {
		body: payload,
		headers: {
			'content-type': 'application/json',
			'stripe-signature': `t=${timestamp},v1=${hmacHex(SECRET, `${timestamp}.${payload.toString()}`)}`,
		},
	};
}

/** The static data n8n would have written to its database after the call. */
const saved = (node: WebhookTrigger) => JSON.parse(JSON.stringify(node.workflow.staticData)) as IDataObject;

describe('replay ids shared through the static data n8n persists', () => {
	it('a replay sent to another process, or after a restart, is refused; a new event is not', async () => {
		const processA = trigger(nodeTypeOfAnotherProcess());
		const event = stripeEvent(`evt_${randomUUID()}`);
		expectAccepted(await processA.send(event));

		const processB = trigger(nodeTypeOfAnotherProcess(), saved(processA));
		expect(JSON.stringify(expectRefused(await processB.send(event), 401).body)).toContain('already received');
		expectAccepted(await processB.send(stripeEvent(`evt_${randomUUID()}`)));
		// n8n writes static data back only when it is marked changed.
		expect(processB.workflow.staticData.__dataChanged).toBe(true);

		const restartedA = trigger(nodeTypeOfAnotherProcess(), saved(processB));
		expectRefused(await restartedA.send(event), 401);
	});

	it('without the saved data another process would have taken the replay: the store is what refuses it', async () => {
		const processA = trigger(nodeTypeOfAnotherProcess());
		const event = stripeEvent(`evt_${randomUUID()}`);
		expectAccepted(await processA.send(event));
		expectAccepted(await trigger(nodeTypeOfAnotherProcess(), {}).send(event));
	});

	it('an id lost to a concurrent write by another process is written again with the next call its process takes', async () => {
		const [processA, processB] = [nodeTypeOfAnotherProcess(), nodeTypeOfAnotherProcess()];
		const first = stripeEvent(`evt_${randomUUID()}`);
		const atA = trigger(processA, {});
		expectAccepted(await atA.send(first));
		// B read the static data before A's write landed, and wrote last: the database holds only B's id.
		const atB = trigger(processB, {});
		expectAccepted(await atB.send(stripeEvent(`evt_${randomUUID()}`)));
		expectAccepted(await trigger(nodeTypeOfAnotherProcess(), saved(atB)).send(first));

		const nextAtA = trigger(processA, saved(atB));
		expectAccepted(await nextAtA.send(stripeEvent(`evt_${randomUUID()}`)));
		expect(Object.keys(nextAtA.staticData().replayIds as IDataObject)).toHaveLength(3);
		expectRefused(await trigger(nodeTypeOfAnotherProcess(), saved(nextAtA)).send(first), 401);
	});

	it('stores a fixed-size hash of each id, never the id, and only for verified requests', async () => {
		const node = trigger(nodeTypeOfAnotherProcess());
		const id = `evt_${randomUUID()}`;
		expectAccepted(await node.send(stripeEvent(id)));
		const forged = stripeEvent(`evt_${randomUUID()}`);
		// Flip the signature's first hex digit (a fixed replacement would leave it valid when the digit was already that).
		forged.headers['stripe-signature'] = forged.headers['stripe-signature'].replace(
			/v1=(.)/,
			(_, digit: string) => `v1=${digit === '0' ? '1' : '0'}`,
		);
		expectRefused(await node.send(forged), 401);
		const ids = node.staticData().replayIds as Record<string, number>;
		expect(Object.keys(ids)).toHaveLength(1);
		expect(Object.keys(ids)[0]).toMatch(/^[\w-]{22}$/);
		expect(JSON.stringify(saved(node))).not.toContain(id);
		// Kept for twice the 300 s tolerance, in epoch seconds.
		expect(Object.values(ids)[0] - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(599);
	});

	it('forgets expired ids and keeps at most its bound, dropping the ones nearest to expiry', async () => {
		const now = Math.floor(Date.now() / 1000);
		const replayIds: Record<string, number> = { expired: now - 1 };
		for (let index = 0; index < MAX_PERSISTED_IDS + 10; index++) replayIds[`id-${index}`] = now + 100 + index;
		const nodeName = 'Signed Webhook Trigger';
		const node = trigger(nodeTypeOfAnotherProcess(), { [`node:${nodeName}`]: { replayIds } });
		expectAccepted(await node.send(stripeEvent(`evt_${randomUUID()}`)));
		const kept = node.staticData().replayIds as Record<string, number>;
		expect(Object.keys(kept)).toHaveLength(MAX_PERSISTED_IDS);
		expect(kept).not.toHaveProperty('expired');
		expect(kept).not.toHaveProperty('id-10');
		expect(kept).toHaveProperty('id-11');
		expect(kept).toHaveProperty(`id-${MAX_PERSISTED_IDS + 9}`);
	});
});
