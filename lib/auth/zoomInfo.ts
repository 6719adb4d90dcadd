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
export function zoomInfoPkiClaims(
	username: string,
	clientId: string,
	nowSeconds = Math.floor(Date.now() / 1000),
): ZoomInfoPkiClaims {
	return {
		aud: 'enterprise_api',
		iss: 'api-client@zoominfo.com',
		username,
		client_id: clientId,
		iat: nowSeconds - 60,
		exp: nowSeconds + 240,
	};
}
