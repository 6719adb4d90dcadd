import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { readTrimmed, readVerbatim } from './fields';
import type { LoginContext } from './login';
import { CredentialLoginError, loginRequest, requireLoginField } from './login';
import { SingleFlight } from './single-flight';
import { joinUrl } from './urls';

/**
 * Identifies which pasted Token ID a cached session descends from without storing the token twice.
 * Hex SHA-256 of the trimmed token.
 */
export function tokenFingerprint(tokenId: string): string {
	return createHash('sha256').update(tokenId.trim()).digest('hex');
}

export interface GoHighLevelSessionState {
	tokenId: string;
	sessionToken: string;
	sessionSource: string;
}

export function sessionStateOf(credentials: ICredentialDataDecryptedObject): GoHighLevelSessionState {
	return {
		tokenId: readTrimmed(credentials, 'tokenId'),
		sessionToken: readTrimmed(credentials, 'sessionToken'),
		sessionSource: readTrimmed(credentials, 'sessionSource'),
	};
}

/**
 * The cached session is used only while it descends from the Token ID in the form: once the user
 * pastes a new one, the new one wins even though n8n still holds the old session.
 */
export function chooseSessionToken(state: GoHighLevelSessionState): string {
	const cacheIsCurrent = state.sessionToken !== '' && state.sessionSource === tokenFingerprint(state.tokenId);
	return cacheIsCurrent ? state.sessionToken : state.tokenId;
}

export function applyGoHighLevelSessionAuthentication(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	return {
		...requestOptions,
		headers: {
			...requestOptions.headers,
			'token-id': chooseSessionToken(sessionStateOf(credentials)),
			version: readTrimmed(credentials, 'apiVersion'),
		},
	};
}

const TOKEN_REFRESH: LoginContext = {
	provider: 'GoHighLevel',
	operation: 'token refresh',
	credentialFields: 'the Token ID',
	urlField: 'Base URL',
};

const SERVICE_ACCOUNT_LOGIN: LoginContext = {
	provider: 'GoHighLevel',
	operation: 'login',
	credentialFields: 'Email and Password',
	urlField: 'Login URL',
};

const SESSION_EXPIRED =
	'GoHighLevel session expired: paste a new Token ID into the credential (or set Email and Password for automatic re-login).';

const renewals = new SingleFlight<string>(60_000);

async function refreshSession(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	currentToken: string,
): Promise<string> {
	const answer = await loginRequest(
		helper,
		{
			method: 'POST',
			url: joinUrl(readTrimmed(credentials, 'baseUrl'), '/token/update'),
			headers: { 'token-id': currentToken, version: readTrimmed(credentials, 'apiVersion') },
		},
		TOKEN_REFRESH,
	);
	return requireLoginField(answer, 'tokenId', TOKEN_REFRESH);
}

async function logInServiceAccount(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const answer = await loginRequest(
		helper,
		{
			method: 'POST',
			url: joinUrl(readTrimmed(credentials, 'loginUrl'), '/login'),
			body: {
				email: readTrimmed(credentials, 'email'),
				password: readVerbatim(credentials, 'password'),
			},
		},
		SERVICE_ACCOUNT_LOGIN,
	);
	return requireLoginField(answer, 'token', SERVICE_ACCOUNT_LOGIN);
}

function isRejection(error: unknown): boolean {
	return error instanceof CredentialLoginError && (error.httpCode === '401' || error.httpCode === '403');
}

/**
 * Renew the session with the token in use; if HighLevel refuses, fall back to a service-account login
 * when one is configured. The session is tagged with the pasted Token ID it descends from.
 */
export async function renewGoHighLevelSession(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const state = sessionStateOf(credentials);
	const sessionSource = tokenFingerprint(state.tokenId);
	const currentToken = chooseSessionToken(state);
	let refreshError: unknown;
	if (currentToken !== '') {
		try {
			const key = `${readTrimmed(credentials, 'baseUrl')}|${tokenFingerprint(currentToken)}`;
			return { sessionToken: await renewals.run(key, async () => await refreshSession(helper, credentials, currentToken)), sessionSource };
		} catch (error) {
			refreshError = error;
		}
	}
	if (readTrimmed(credentials, 'email') !== '' && readVerbatim(credentials, 'password') !== '') {
		return { sessionToken: await logInServiceAccount(helper, credentials), sessionSource };
	}
	if (refreshError === undefined || isRejection(refreshError)) {
		throw new CredentialLoginError(SESSION_EXPIRED, { httpCode: '401' });
	}
	throw refreshError;
}
