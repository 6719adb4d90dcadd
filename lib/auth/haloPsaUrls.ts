import { joinUrl, trimTrailingSlashes } from './urls';

/**
 * HaloPSA's OAuth URLs, twice: as functions for code (and tests), and as n8n expressions for the
 * credential's hidden `authUrl` / `accessTokenUrl`, which n8n's OAuth2 machinery reads without running
 * any of our code. test/credentials/haloPsaUrls.test.ts evaluates the expressions with n8n's own
 * expression engine and checks they agree with the functions.
 */

export interface HaloPsaUrlSettings {
	baseUrl?: string;
	authServerUrl?: string;
	hostingType?: string;
	tenant?: string;
}

export function haloPsaApiUrl(baseUrl: string): string {
	return joinUrl(baseUrl, '/api');
}

export function haloPsaAuthServerUrl(settings: HaloPsaUrlSettings): string {
	const override = (settings.authServerUrl ?? '').trim();
	return trimTrailingSlashes(override || joinUrl(settings.baseUrl ?? '', '/auth'));
}

/** Halo's cloud serves many tenants from one auth server; an on-premise install has no tenant at all. */
export function haloPsaTenantQuery(settings: HaloPsaUrlSettings): string {
	const tenant = (settings.tenant ?? '').trim();
	return settings.hostingType === 'hosted' && tenant !== '' ? `?tenant=${encodeURIComponent(tenant)}` : '';
}

export function haloPsaAuthorizeUrl(settings: HaloPsaUrlSettings): string {
	return `${haloPsaAuthServerUrl(settings)}/authorize${haloPsaTenantQuery(settings)}`;
}

export function haloPsaTokenUrl(settings: HaloPsaUrlSettings): string {
	return `${haloPsaAuthServerUrl(settings)}/token${haloPsaTenantQuery(settings)}`;
}

const SELF_AUTH_SERVER =
	"(String($self.authServerUrl || '').trim() || String($self.baseUrl || '').trim().replace(/\\/+$/, '') + '/auth').replace(/\\/+$/, '')";

const SELF_TENANT_QUERY =
	"($self.hostingType === 'hosted' && String($self.tenant || '').trim() !== '' ? '?tenant=' + " +
	"encodeURIComponent(String($self.tenant).trim()) : '')";

export const HALO_PSA_AUTHORIZE_URL_EXPRESSION = `={{ ${SELF_AUTH_SERVER} + '/authorize' + ${SELF_TENANT_QUERY} }}`;

export const HALO_PSA_TOKEN_URL_EXPRESSION = `={{ ${SELF_AUTH_SERVER} + '/token' + ${SELF_TENANT_QUERY} }}`;

/** For request definitions (credential test), where the credential is `$credentials`, not `$self`. */
export const HALO_PSA_API_URL_EXPRESSION = "={{ String($credentials.baseUrl || '').trim().replace(/\\/+$/, '') + '/api' }}";
