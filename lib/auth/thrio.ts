import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { readTrimmed, readVerbatim } from './fields';
import type { LoginContext, RequestFailure } from './login';
import { CredentialLoginError, isServiceUnavailable, loginRequest, requireLoginField } from './login';
import { joinUrl, trimTrailingSlashes } from './urls';

/** Thrio's login error codes; callers match on them, so they appear verbatim in messages and as `code`. */
export type ThrioErrorCode = 'INVALID_THRIO_CREDENTIALS' | 'SERVICE_UNAVAILABLE' | 'NO_ACCESS_TOKEN' | 'AUTHENTICATION_FAILED';

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
	return normalizeThrioLocation(readTrimmed(credentials, 'apiBaseUrl')) || normalizeThrioLocation(readTrimmed(credentials, 'location'));
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
			Authorization: thrioAuthorization(readTrimmed(credentials, 'token'), readTrimmed(credentials, 'authorizationPrefix')),
		},
	};
}

const THRIO_LOGIN: LoginContext = {
	provider: 'Thrio',
	operation: 'login',
	credentialFields: 'Username and Password',
	urlField: 'Login URL',
	errorCode: thrioLoginErrorCode,
	missingTokenCode: 'NO_ACCESS_TOKEN',
};

/**
 * Always a full login with the password, never Thrio's token-refresh endpoint: n8n calls this after a
 * 401, when the old token is already dead and cannot buy a new one, and the password is at hand.
 */
export async function thrioLogin(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
	const answer = await loginRequest(
		helper,
		{
			method: 'GET',
			url: joinUrl(readTrimmed(credentials, 'loginUrl'), '/provider/token-with-authorities'),
			headers: {
				Authorization: basicAuthorization(readTrimmed(credentials, 'username'), readVerbatim(credentials, 'password')),
			},
		},
		THRIO_LOGIN,
	);
	const token = requireLoginField(answer, 'token', THRIO_LOGIN);
	const location = normalizeThrioLocation(typeof answer.location === 'string' ? answer.location : '');
	if (location === '' && readTrimmed(credentials, 'apiBaseUrl') === '') {
		throw new CredentialLoginError(
			'AUTHENTICATION_FAILED: Thrio login answered without "location"; set API Base URL to the API host of your tenant.',
			{ code: 'AUTHENTICATION_FAILED' },
		);
	}
	return { token, location };
}
