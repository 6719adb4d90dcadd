import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { readTrimmed } from './fields';

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
	const cacheIsCurrent =
		state.sessionToken !== '' && state.sessionSource === tokenFingerprint(state.tokenId);
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
