/**
 * Turns whatever n8n's request helpers threw into plain facts. n8n wraps the axios error in a
 * NodeApiError whose `cause` holds the response; a credential's login failure arrives as the
 * safe error the credential threw (with `httpCode`), and an OAuth2 token failure as a plain
 * error. The raw errors carry the request config, headers included, so nothing of them but
 * these facts may travel further.
 */

import { neverReachedServer } from './network-errors';

export interface Failure {
	status?: number;
	headers: Record<string, string>;
	body: unknown;
	/** Node's socket error code (ECONNRESET, ETIMEDOUT...), when the failure was on the wire. */
	code?: string;
	message: string;
}

interface ErrorLike {
	message?: unknown;
	code?: unknown;
	httpCode?: unknown;
	status?: unknown;
	response?: { status?: unknown; headers?: unknown; data?: unknown };
	cause?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | undefined {
	return value !== null && typeof value === 'object' ? (value as ErrorLike) : undefined;
}

export function normalizeHeaders(headers: unknown): Record<string, string> {
	if (headers === null || typeof headers !== 'object') return {};
	const source =
		typeof (headers as { toJSON?: unknown }).toJSON === 'function'
			? (headers as { toJSON(): Record<string, unknown> }).toJSON()
			: (headers as Record<string, unknown>);
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(source)) {
		if (value !== undefined && value !== null) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return result;
}

/**
 * RFC 6749 section 5.2 errors as n8n's OAuth2 client reports a refused token request: an
 * AuthError with code EAUTH, the answer in `body` and no HTTP status. Without this a wrong
 * client secret would pass for a network failure and be retried.
 */
const OAUTH_ERROR_STATUS: Record<string, number> = {
	invalid_client: 401,
	unauthorized_client: 401,
	invalid_grant: 401,
	invalid_request: 400,
	invalid_scope: 400,
	unsupported_grant_type: 400,
};

function oauthBody(error: ErrorLike): { error?: unknown } | undefined {
	return error.code === 'EAUTH' ? (error as { body?: { error?: unknown } }).body : undefined;
}

function oauthStatusOf(error: ErrorLike): number | undefined {
	if (error.code !== 'EAUTH') return undefined;
	const oauthError = oauthBody(error)?.error;
	return typeof oauthError === 'string' ? (OAUTH_ERROR_STATUS[oauthError] ?? 400) : 401;
}

function statusOf(error: ErrorLike): number | undefined {
	const candidates = [error.response?.status, error.httpCode, error.status];
	for (const candidate of candidates) {
		const status = Number(candidate);
		if (candidate !== undefined && candidate !== null && Number.isInteger(status) && status >= 100) return status;
	}
	return undefined;
}

export function describeFailure(thrown: unknown): Failure {
	const outer = asErrorLike(thrown) ?? {};
	// The innermost error that has an HTTP response or a socket code is the informative one.
	let informative: ErrorLike = outer;
	for (let current = asErrorLike(outer.cause); current !== undefined; current = asErrorLike(current.cause)) {
		if (current.response !== undefined || typeof current.code === 'string' || current.httpCode !== undefined) {
			informative = current;
			break;
		}
	}
	const status = statusOf(informative) ?? oauthStatusOf(informative) ?? statusOf(outer);
	return {
		status,
		headers: normalizeHeaders(informative.response?.headers),
		body: informative.response?.data ?? oauthBody(informative),
		code:
			typeof informative.code === 'string' && informative.code !== 'EAUTH' && !/^\d+$/.test(informative.code)
				? informative.code
				: undefined,
		message: String(informative.message ?? outer.message ?? 'Unknown error'),
	};
}

export function wasNeverSent(failure: Failure): boolean {
	return failure.status === undefined && neverReachedServer(failure.code);
}

/** Sent, and no answer came back: the server may have carried it out. */
export function wasLost(failure: Failure): boolean {
	return failure.status === undefined && !neverReachedServer(failure.code);
}
