import { createHash, createHmac, generateKeyPairSync, sign } from 'crypto';

import type { RecordedResponse, WebhookOutcome } from '../harness';

/** A request as the sender would put it on the wire. */
export interface WireRequest {
	body: Buffer;
	headers: Record<string, string>;
}

export const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, null, 1));

/** The event id of a body that carries none: its SHA-256. */
export const digestOf = (body: Buffer | string): string => `sha256:${createHash('sha256').update(body).digest('hex')}`;

export function hmacHex(secret: string, payload: Buffer | string, algorithm = 'sha256'): string {
	return createHmac(algorithm, secret).update(payload).digest('hex');
}

/** A key pair standing in for a sender's: HighLevel's private key is HighLevel's alone. */
export function keyPair(type: 'ed25519' | 'rsa'): { sign(body: Buffer): string; spki: string; pem: string } {
	const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
	return {
		sign: (body) => sign(type === 'ed25519' ? null : 'sha256', body, pair.privateKey).toString('base64'),
		spki: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
		pem: pair.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
	};
}

/**
 * An accepted call: one execution item, answered 200 by the node itself before the execution starts
 * (n8n saves the replay ids in static data when the call is answered).
 */
export function expectAccepted(outcome: WebhookOutcome): Record<string, unknown> {
	expect(outcome.response).toMatchObject({ statusCode: 200, sent: true, body: { message: 'Workflow was started' } });
	expect(outcome.result.noWebhookResponse).toBe(true);
	expect(outcome.result.workflowData).toHaveLength(1);
	expect(outcome.result.workflowData?.[0]).toHaveLength(1);
	return outcome.item as Record<string, unknown>;
}

/** A refused call: the node answered with the status and a reason, and no execution starts. */
export function expectRefused(outcome: WebhookOutcome, status: 400 | 401): RecordedResponse {
	expect(outcome.result.workflowData).toBeUndefined();
	expect(outcome.result.noWebhookResponse).toBe(true);
	expect(outcome.response).toMatchObject({ statusCode: status, sent: true, body: { error: expect.any(String) } });
	return outcome.response;
}

/** A genuine call the filters leave out: 200 from n8n with a note, no execution. */
export function expectIgnored(outcome: WebhookOutcome): void {
	expect(outcome.result.workflowData).toBeUndefined();
	expect(outcome.response.sent).toBe(false);
	expect(outcome.result.webhookResponse).toMatchObject({ received: true, ignored: expect.any(String) });
}
