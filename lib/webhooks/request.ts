import type { IWebhookFunctions } from 'n8n-workflow';

import { malformed } from '../signatures';
import type { Refused, RequestHeaders, SignedRequest } from '../signatures';

interface N8nRequest {
	rawBody?: unknown;
	headers?: unknown;
	readRawBody?: () => Promise<void>;
}

/**
 * The request as received. n8n's body parser keeps the exact bytes in `rawBody` next to its own
 * parsed `body`; signatures are checked over those bytes, never over a re-serialized object. For a
 * version 2 webhook node n8n reads only JSON, text, form and XML bodies: any other content type, or
 * none, is left unread, and n8n's own reader (its size limit and gzip handling included) reads it here.
 */
export async function readSignedRequest(ctx: IWebhookFunctions): Promise<SignedRequest | Refused> {
	const request = ctx.getRequestObject() as unknown as N8nRequest;
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			return malformed('the request body could not be read');
		}
	}
	if (!Buffer.isBuffer(request.rawBody)) return malformed('the request body could not be read');
	const headers = request.headers !== null && typeof request.headers === 'object' ? (request.headers as RequestHeaders) : {};
	return { headers, rawBody: request.rawBody };
}

/** Handed to every workflow, whatever the trigger names. */
export const ALWAYS_PASSED_HEADERS = ['content-type', 'user-agent'];

/** Headers the workflow may want; the caller names them, and never a secret-bearing one. */
export function pickHeaders(headers: RequestHeaders, names: string[]): Record<string, string> {
	const picked: Record<string, string> = {};
	for (const name of [...ALWAYS_PASSED_HEADERS, ...names]) {
		const value = headers[name.toLowerCase()];
		if (typeof value === 'string') picked[name.toLowerCase()] = value;
	}
	return picked;
}
