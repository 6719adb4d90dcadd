/**
 * The contract between the provider sandbox and everything that talks to it: where each
 * provider lives under the sandbox's URL, and the credentials the sandbox accepts by default.
 * Tests, the end-to-end suite, the benchmarks and the demo all take their values from here.
 */

/** Path prefix of each provider on the sandbox; a credential's base URL is `${sandbox.url}${prefix}`. */
export const PROVIDER_PREFIX = {
	/** HaloPSA hosted by Halo: token URL needs `?tenant=`; auth at `/auth`, resources at `/api`. */
	haloPsa: '/halopsa',
	/** The same HaloPSA data served as an on-premise install: no tenant anywhere. */
	haloPsaOnPremise: '/halopsa-onprem',
	apollo: '/apollo/api/v1',
	zoomInfo: '/zoominfo',
	hunter: '/hunter/v2',
	upLead: '/uplead/v2',
	/** GoHighLevel's session backend (token-id header). */
	goHighLevelSession: '/ghl',
	/** GoHighLevel's web login, where the service-account mode logs in again (`POST /login`). */
	goHighLevelLogin: '/ghl-app',
	/** HighLevel's public v2 API (Bearer + Version header). */
	goHighLevelV2: '/ghl-v2',
	/** Thrio's login host: `GET /provider/token-with-authorities`. */
	thrioLogin: '/thrio-login',
	/** The tenant API base that Thrio's login returns as `location`. */
	thrioCluster: '/thrio-cluster',
	/** Sandbox control API (log, reset, config, faults); never a provider. */
	control: '/_sandbox',
} as const;

export const SANDBOX_CREDENTIALS = {
	haloPsa: { clientId: 'halo-client', clientSecret: 'halo-client-secret-0001', tenant: 'sandbox' },
	apollo: { apiKey: 'apollo-master-key-0001' },
	zoomInfo: { username: 'zi-user@example.com', password: 'zi-password-0001', clientId: 'zi-pki-client' },
	hunter: { apiKey: 'hunter-key-0001' },
	upLead: { apiKey: 'uplead-key-0001' },
	goHighLevel: {
		email: 'ghl-owner@example.com',
		password: 'ghl-password-0001',
		locationId: 'loc-sandbox-1',
		privateIntegrationToken: 'pit-ghl-sandbox-0001',
	},
	thrio: { username: 'thrio-user@example.com', password: 'thrio-password-0001' },
} as const;
