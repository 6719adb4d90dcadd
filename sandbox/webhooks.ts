/** Outgoing webhooks (Apollo's phone reveals): fire and forget, recorded so tests can wait for them. */
import { createHmac } from 'node:crypto';
import { request } from 'node:http';

export interface WebhookDelivery {
	url: string;
	body: unknown;
	headers: Record<string, string>;
	/** HTTP status of the receiver, or the error when it could not be reached; undefined while in flight. */
	status?: number;
	error?: string;
}

/**
 * Posts `body` to `url` shortly after the current answer has gone out (as the real providers do),
 * signing it with `signature.header` = hex HMAC-SHA256 of the raw body when a secret is given.
 * Plain http only: receivers in tests and in the local n8n are http.
 */
export function deliverWebhook(
	deliveries: WebhookDelivery[],
	url: string,
	body: unknown,
	signature?: { header: string; secret: string },
): WebhookDelivery {
	const raw = JSON.stringify(body);
	const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(raw)) };
	if (signature) headers[signature.header] = createHmac('sha256', signature.secret).update(raw).digest('hex');
	const delivery: WebhookDelivery = { url, body, headers };
	deliveries.push(delivery);
	setTimeout(() => {
		try {
			const outgoing = request(url, { method: 'POST', headers }, (response) => {
				delivery.status = response.statusCode;
				response.resume();
			});
			outgoing.on('error', (error) => (delivery.error = String(error)));
			outgoing.end(raw);
		} catch (error) {
			delivery.error = String(error);
		}
	}, 20);
	return delivery;
}
