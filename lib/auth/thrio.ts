import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { readTrimmed } from './fields';
import type { RequestFailure } from './login';
import { isServiceUnavailable } from './login';
import { trimTrailingSlashes } from './urls';

/** Seed 002's error codes; callers match on them, so they appear verbatim in messages and as `code`. */
export type ThrioErrorCode =
	| 'INVALID_THRIO_CREDENTIALS'
	| 'SERVICE_UNAVAILABLE'
	| 'NO_ACCESS_TOKEN'
	| 'AUTHENTICATION_FAILED';

export function thrioLoginErrorCode(failure: RequestFailure): ThrioErrorCode {
	if (failure.status === 401 || failure.status === 403) return 'INVALID_THRIO_CREDENTIALS';
	if (isServiceUnavailable(failure)) return 'SERVICE_UNAVAILABLE';
	return 'AUTHENTICATION_FAILED';
}

/** The login's `location` is sometimes a bare host (`abc.thrio.io`); requests need an absolute base. */
export function normalizeThrioLocation(location: string): string {
	const trimmed = trimTrailingSlashes(location);
	if (trimmed === '') return '';
	return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

export function basicAuthorization(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Thrio's own clients send the raw token; some gateways in front of it want `Bearer`. */
export function thrioAuthorization(token: string, prefix: string): string {
	return prefix === 'bearer' ? `Bearer ${token}` : token;
}

/** The tenant's API host: the user's override wins over the host the login assigned. */
export function thrioApiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return (
		normalizeThrioLocation(readTrimmed(credentials, 'apiBaseUrl')) ||
		normalizeThrioLocation(readTrimmed(credentials, 'location'))
	);
}

/**
 * Requests carry paths only (`/data/api/types/contact`) because the API host is known after login,
 * so the base URL is set here rather than by the caller.
 */
export function applyThrioAuthentication(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const baseURL = thrioApiBaseUrl(credentials);
	return {
		...requestOptions,
		...(baseURL === '' ? {} : { baseURL }),
		headers: {
			...requestOptions.headers,
			Authorization: thrioAuthorization(
				readTrimmed(credentials, 'token'),
				readTrimmed(credentials, 'authorizationPrefix'),
			),
		},
	};
}
