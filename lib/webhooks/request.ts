import type { IWebhookFunctions } from 'n8n-workflow';

import { malformed } from '../signatures';
import type { Refused, RequestHeaders, SignedRequest } from '../signatures';

/**
 * The request as received. n8n's body parser keeps the exact bytes in `rawBody` next to its own
 * parsed `body`; signatures are checked over those bytes, never over a re-serialized object.
 */
export function readSignedRequest(ctx: IWebhookFunctions): SignedRequest | Refused {
	const request = ctx.getRequestObject() as unknown as { rawBody?: unknown; headers?: unknown };
	if (!Buffer.isBuffer(request.rawBody)) return malformed('the request body could not be read');
	const headers = request.headers !== null && typeof request.headers === 'object' ? (request.headers as RequestHeaders) : {};
	return { headers, rawBody: request.rawBody };
}

/** Headers the workflow may want; the caller names them, and never a secret-bearing one. */
export function pickHeaders(headers: RequestHeaders, names: string[]): Record<string, string> {
	const picked: Record<string, string> = {};
	for (const name of ['content-type', 'user-agent', ...names]) {
		const value = headers[name.toLowerCase()];
		if (typeof value === 'string') picked[name.toLowerCase()] = value;
	}
	return picked;
}
