/**
 * Everything a test may change at runtime, with the defaults the sandbox starts from. Numbers follow
 * /work/shared/reference/provider-apis.md; where the reference says "unconfirmed" the value is a guess
 * that tests can override with `sandbox.configure()` or `POST /_sandbox/config`.
 */
import { SANDBOX_CREDENTIALS } from './defaults';
import type { ProviderName, TokenProvider } from './types';

/** What may go wrong with a provider's requests; see faults.ts for the exact semantics. */
export interface FaultSpec {
	/** Share of requests answered 500/502/503 without doing the work. */
	error5xxRate?: number;
	/** Share of requests whose socket is destroyed before any work or answer. */
	dropRate?: number;
	/** Share of requests that do the work (stores included) and then lose the answer. */
	dropAfterWriteRate?: number;
	/** After every `every` requests, `length` consecutive rate-limited answers with `Retry-After: 1`. */
	burst429?: { every: number; length: number } | null;
	/** After this many requests, revoke all of the provider's tokens (once). */
	revokeTokensAfter?: number | null;
}

export interface FaultConfig extends FaultSpec {
	seed: number;
	/** Token and login endpoints are spared unless this is true. */
	includeAuth: boolean;
	/** Per-provider overrides of the global fields above. */
	providers: Partial<Record<ProviderName, FaultSpec>>;
}

export interface RateLimits {
	haloPsa: { requests: number; windowMs: number };
	/** Per endpoint; bulk endpoints get the single-record figures divided by `bulkDivisor`. */
	apollo: { perMinute: number; perHour: number; perDay: number; bulkDivisor: number };
	zoomInfo: { perMinute: number };
	hunter: { perSecond: number; perMinute: number; verifierPerSecond: number; verifierPerMinute: number };
	upLead: { perMinute: number };
	goHighLevel: { requests: number; windowMs: number; perDay: number };
	/** Thrio publishes no figure: unlimited unless a test sets one. */
	thrio: { perMinute: number | null };
}

export interface SandboxConfig {
	latencyMs: number;
	providerLatencyMs: Partial<Record<ProviderName, number>>;
	enforceRateLimits: boolean;
	rateLimits: RateLimits;
	faults: FaultConfig;
	auth: {
		tokenTtlMs: Record<TokenProvider, number>;
		/** A token stops working after this many API calls: forces expiry mid-run without waiting. */
		tokenMaxCalls: Partial<Record<TokenProvider, number | null>>;
	};
	/** The shared people/companies that Apollo, ZoomInfo, Hunter and UpLead answer from. */
	fixtures: { seed: number; people: number; companies: number };
	/** Oldest request log entries are dropped past this many (benchmarks send a lot). */
	logLimit: number;
	haloPsa: {
		clientId: string;
		clientSecret: string;
		tenant: string;
		/** A one-element POST answers with the record itself instead of a one-element array. */
		singleRecordAsObject: boolean;
		refreshTokenTtlMs: number;
		/**
		 * `POST /api/{Entity}` refuses a field outside HaloPSA's documented model of the entity
		 * (halopsa-fields.ts). Whether HaloPSA itself refuses or ignores one is unconfirmed.
		 */
		refuseUnknownFields: boolean;
		/**
		 * Every record in a list answer carries `customfields` (empty when none is set), as the list
		 * models declare; off, a record with none set is listed without the field.
		 */
		listCustomFields: boolean;
	};
	apollo: {
		/** Accepted keys; a non-master key is refused on the search endpoints (403 API_INACCESSIBLE). */
		apiKeys: Record<string, { master: boolean }>;
		creditLimit: number;
		/** Extra credits charged when `reveal_phone_number` finds a phone. */
		phoneRevealCredits: number;
		/** Which spelling of the daily usage headers to send; real responses have been seen with both. */
		rateLimitHeaders: 'both' | 'daily' | '24-hour';
		/** When set, phone-reveal webhooks carry `x-apollo-signature` (hex HMAC-SHA256 of the body). */
		webhookSecret: string | null;
	};
	zoomInfo: {
		username: string;
		password: string;
		clientId: string;
		requestLimit: number;
		recordLimit: number;
		uniqueIdLimit: number;
	};
	hunter: {
		apiKeys: string[];
		planName: string;
		quota: { searches: number; verifications: number };
		/** How many calls for the same email answer 202 (still running) before the verdict. */
		verifierPendingPolls: number;
		/** Extra accept-all domains on top of the fixture companies flagged catch-all. */
		catchAllDomains: string[];
	};
	upLead: { apiKeys: string[]; credits: number };
	goHighLevel: {
		email: string;
		password: string;
		/** Private integration token -> the location it belongs to. */
		privateIntegrationTokens: Record<string, string>;
		/** The location a session login belongs to. */
		locationId: string;
		/** `/token/update` still accepts a token expired this recently. */
		refreshGraceMs: number;
	};
	thrio: {
		username: string;
		password: string;
		tenantId: string;
		loginDown: boolean;
		/**
		 * Most leads one `leadsupsert` call takes (1,000 when unset); a bigger call is refused with 413
		 * and nothing stored. Thrio documents no figure, so tests set the limit they need.
		 */
		maxLeadsPerUpsert?: number;
	};
}

/** Non-master Apollo key accepted by default, to exercise the 403 API_INACCESSIBLE path. */
export const APOLLO_RESTRICTED_KEY = 'apollo-restricted-key-0001';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function defaultConfig(): SandboxConfig {
	const creds = SANDBOX_CREDENTIALS;
	return {
		latencyMs: 0,
		providerLatencyMs: {},
		enforceRateLimits: true,
		rateLimits: {
			haloPsa: { requests: 450, windowMs: 5 * MINUTE },
			apollo: { perMinute: 200, perHour: 6000, perDay: 50_000, bulkDivisor: 10 },
			zoomInfo: { perMinute: 1500 },
			hunter: { perSecond: 15, perMinute: 500, verifierPerSecond: 10, verifierPerMinute: 300 },
			upLead: { perMinute: 500 },
			goHighLevel: { requests: 100, windowMs: 10_000, perDay: 200_000 },
			thrio: { perMinute: null },
		},
		faults: {
			seed: 1,
			includeAuth: false,
			error5xxRate: 0,
			dropRate: 0,
			dropAfterWriteRate: 0,
			burst429: null,
			revokeTokensAfter: null,
			providers: {},
		},
		auth: {
			tokenTtlMs: { haloPsa: HOUR, zoomInfo: HOUR, goHighLevel: 15 * MINUTE, thrio: HOUR },
			tokenMaxCalls: {},
		},
		fixtures: { seed: 42, people: 2000, companies: 300 },
		logLimit: 10_000,
		haloPsa: {
			clientId: creds.haloPsa.clientId,
			clientSecret: creds.haloPsa.clientSecret,
			tenant: creds.haloPsa.tenant,
			singleRecordAsObject: true,
			refreshTokenTtlMs: 30 * 24 * HOUR,
			refuseUnknownFields: true,
			listCustomFields: true,
		},
		apollo: {
			apiKeys: { [creds.apollo.apiKey]: { master: true }, [APOLLO_RESTRICTED_KEY]: { master: false } },
			creditLimit: 10_000,
			phoneRevealCredits: 8,
			rateLimitHeaders: 'both',
			webhookSecret: null,
		},
		zoomInfo: {
			username: creds.zoomInfo.username,
			password: creds.zoomInfo.password,
			clientId: creds.zoomInfo.clientId,
			requestLimit: 25_000,
			recordLimit: 1_000,
			uniqueIdLimit: 5_000,
		},
		hunter: {
			apiKeys: [creds.hunter.apiKey],
			planName: 'Growth',
			quota: { searches: 5_000, verifications: 10_000 },
			verifierPendingPolls: 1,
			catchAllDomains: [],
		},
		upLead: { apiKeys: [creds.upLead.apiKey], credits: 5_000 },
		goHighLevel: {
			email: creds.goHighLevel.email,
			password: creds.goHighLevel.password,
			privateIntegrationTokens: { [creds.goHighLevel.privateIntegrationToken]: creds.goHighLevel.locationId },
			locationId: creds.goHighLevel.locationId,
			refreshGraceMs: 24 * HOUR,
		},
		thrio: {
			username: creds.thrio.username,
			password: creds.thrio.password,
			tenantId: 'tenant-sandbox-1',
			loginDown: false,
		},
	};
}

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars replace; `undefined` leaves the target alone. */
export function deepMerge<T>(target: T, patch: DeepPartial<NoInfer<T>> | undefined): T {
	if (!isPlainObject(patch) || !isPlainObject(target)) return (patch === undefined ? target : patch) as T;
	const result: Record<string, unknown> = { ...target };
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		result[key] = isPlainObject(value) && isPlainObject(result[key]) ? deepMerge(result[key], value) : value;
	}
	return result as T;
}
