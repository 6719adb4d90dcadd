import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { isNetworkErrorCode } from '../transport/network-errors';

/** A login that hangs would hold the workflow for n8n's 5-minute default; 30 s is plenty for a token endpoint. */
export const LOGIN_TIMEOUT_MS = 30_000;

/**
 * The only error a credential's login may throw. It is built from text we wrote, never from the request
 * error: an axios error keeps its `config`, and that holds the password, key or token we sent.
 * `description` repeats the message because n8n's NodeApiError replaces the message of an error with an
 * HTTP code by a generic one ("Authorization failed...") and only the description survives next to it.
 */
export class CredentialLoginError extends Error {
	readonly description: string;

	readonly httpCode?: string;

	readonly code?: string;

	constructor(message: string, options: { httpCode?: string; code?: string } = {}) {
		super(message);
		this.name = 'CredentialLoginError';
		this.description = message;
		if (options.httpCode !== undefined) this.httpCode = options.httpCode;
		if (options.code !== undefined) this.code = options.code;
	}
}

/** What a failed request tells us, copied out so nothing else of the error object travels further. */
export interface RequestFailure {
	status?: number;
	networkCode?: string;
}

export function inspectRequestFailure(error: unknown): RequestFailure {
	if (typeof error !== 'object' || error === null) return {};
	const { response, code } = error as { response?: { status?: unknown }; code?: unknown };
	const failure: RequestFailure = {};
	if (typeof response?.status === 'number') failure.status = response.status;
	if (typeof code === 'string') failure.networkCode = code;
	return failure;
}

export function isServiceUnavailable(failure: RequestFailure): boolean {
	if (failure.status !== undefined) return failure.status >= 500;
	return isNetworkErrorCode(failure.networkCode);
}

export interface LoginContext {
	/** Named at the start of every message so the user knows which credential failed. */
	provider: string;
	/** The step that failed, e.g. `login` or `token refresh`. */
	operation: string;
	/** The fields to re-check after a 401/403, e.g. `Username and Password`. */
	credentialFields: string;
	/** The field holding the URL the request went to, for a 404 or an unreachable host. */
	urlField: string;
	/** A machine-readable code on each error, chosen from the failure: Thrio's callers match on its login error codes. */
	errorCode?: (failure: RequestFailure) => string;
	/** The code for a successful answer that lacks the token. */
	missingTokenCode?: string;
}

function explainFailure(failure: RequestFailure, context: LoginContext): string {
	const { status, networkCode } = failure;
	if (status === 401 || status === 403) return `check ${context.credentialFields}.`;
	if (status === 404) return `the endpoint was not found; check the ${context.urlField}.`;
	if (status === 429) return 'too many requests; wait a minute and try again.';
	if (status !== undefined && status >= 500) return 'the service is unavailable; try again later.';
	if (status !== undefined) {
		return `the server refused the request; check the ${context.urlField} and ${context.credentialFields}.`;
	}
	if (networkCode !== undefined) {
		return `could not reach the server (${networkCode}); check the ${context.urlField} and that n8n can reach it.`;
	}
	return `the request could not be sent; check the ${context.urlField}.`;
}

function withCode(message: string, code: string | undefined): string {
	return code === undefined ? message : `${code}: ${message}`;
}

export function loginFailedError(failure: RequestFailure, context: LoginContext): CredentialLoginError {
	const code = context.errorCode?.(failure);
	const status = failure.status === undefined ? '' : ` (HTTP ${failure.status})`;
	const explanation = explainFailure(failure, context);
	const message = `${context.provider} ${context.operation} failed${status}: ${explanation}`;
	return new CredentialLoginError(withCode(message, code), {
		httpCode: failure.status?.toString(),
		code,
	});
}

/** Sends a login request; any failure becomes a CredentialLoginError that holds no secret. */
export async function loginRequest(helper: IHttpRequestHelper, request: IHttpRequestOptions, context: LoginContext): Promise<IDataObject> {
	let answer: unknown;
	try {
		answer = await helper.helpers.httpRequest({ json: true, timeout: LOGIN_TIMEOUT_MS, ...request });
	} catch (error) {
		throw loginFailedError(inspectRequestFailure(error), context);
	}
	return typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? (answer as IDataObject) : {};
}

/** Reads the token out of a login answer, or explains that a 2xx came back without one. */
export function requireLoginField(answer: IDataObject, field: string, context: LoginContext): string {
	const value = answer[field];
	if (typeof value !== 'string' || value.trim() === '') {
		const message =
			`${context.provider} ${context.operation} answered without "${field}"; ` +
			`check that the ${context.urlField} points at the ${context.provider} API.`;
		throw new CredentialLoginError(withCode(message, context.missingTokenCode), {
			code: context.missingTokenCode,
		});
	}
	return value.trim();
}
