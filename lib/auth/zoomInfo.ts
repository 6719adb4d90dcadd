import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { readTrimmed, readVerbatim } from './fields';
import { signRs256Jwt } from './jwt';
import type { LoginContext } from './login';
import { CredentialLoginError, loginRequest, requireLoginField } from './login';
import { joinUrl } from './urls';

export interface ZoomInfoPkiClaims {
	aud: string;
	iss: string;
	username: string;
	client_id: string;
	iat: number;
	exp: number;
}

/**
 * The claims ZoomInfo's Enterprise API expects in the client-signed JWT of a PKI login.
 * `iat` is back-dated a minute so a server clock slightly behind ours does not see a token from the
 * future; the token is only exchanged once, so a 4-minute lifetime is enough.
 */
export function zoomInfoPkiClaims(username: string, clientId: string, nowSeconds = Math.floor(Date.now() / 1000)): ZoomInfoPkiClaims {
	return {
		aud: 'enterprise_api',
		iss: 'api-client@zoominfo.com',
		username,
		client_id: clientId,
		iat: nowSeconds - 60,
		exp: nowSeconds + 240,
	};
}

const PASSWORD_LOGIN: LoginContext = {
	provider: 'ZoomInfo',
	operation: 'login',
	credentialFields: 'Username and Password',
	urlField: 'Base URL',
};

const PKI_LOGIN: LoginContext = {
	...PASSWORD_LOGIN,
	credentialFields: 'Username, Client ID and that the Private Key matches the public key registered in the ZoomInfo Admin Portal',
};

function signClientJwt(credentials: ICredentialDataDecryptedObject): string {
	const claims = zoomInfoPkiClaims(readTrimmed(credentials, 'username'), readTrimmed(credentials, 'clientId'));
	try {
		return signRs256Jwt(claims, readVerbatim(credentials, 'privateKey'));
	} catch {
		throw unreadablePrivateKey();
	}
}

/** Node's error for a key it cannot decode names OpenSSL routines; the user needs to know what to paste. */
function unreadablePrivateKey(): CredentialLoginError {
	return new CredentialLoginError(
		'ZoomInfo login failed: the Private Key could not be read; paste the whole PEM block, including its BEGIN and END lines.',
	);
}

export async function zoomInfoLogin(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
	const url = joinUrl(readTrimmed(credentials, 'baseUrl'), '/authenticate');
	const usePki = readTrimmed(credentials, 'authMethod') === 'pki';
	const context = usePki ? PKI_LOGIN : PASSWORD_LOGIN;
	const request: IHttpRequestOptions = usePki
		? { method: 'POST', url, headers: { Authorization: `Bearer ${signClientJwt(credentials)}` } }
		: {
				method: 'POST',
				url,
				body: {
					username: readTrimmed(credentials, 'username'),
					password: readVerbatim(credentials, 'password'),
				},
			};
	const answer = await loginRequest(helper, request, context);
	return { jwt: requireLoginField(answer, 'jwt', context) };
}
