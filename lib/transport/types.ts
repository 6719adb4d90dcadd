import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode } from 'n8n-workflow';

/**
 * What every n8n context that may call a provider offers (execute, load options, poll, hooks,
 * webhooks): the node, its credentials and n8n's authenticated request helper.
 */
export interface TransportContext {
	getNode(): INode;
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string, itemIndex?: number): Promise<T>;
	helpers: {
		httpRequestWithAuthentication(credentialsType: string, requestOptions: IHttpRequestOptions): Promise<unknown>;
	};
}

/** One rolling window a provider publishes, e.g. 15 requests per 1,000 ms. */
export interface RateWindow {
	limit: number;
	windowMs: number;
}

/**
 * How a failure is handled: `rateLimited` waits and retries, `transient` backs off and retries
 * when the request may be repeated, `quotaExhausted` and `fatal` fail at once.
 */
export type FailureKind = 'rateLimited' | 'transient' | 'quotaExhausted' | 'fatal';

/** The facts about one provider's API that the transport needs; one per credential type. */
export interface ProviderProfile {
	/** Human name used in error messages ("Hunter: ..."). */
	name: string;
	credentialType: string;
	/**
	 * The base URL requests are relative to, read from the credential. `undefined` when the
	 * credential itself places the request (Thrio: the login decides the API host).
	 */
	baseUrl(credentials: ICredentialDataDecryptedObject): string | undefined;
	/**
	 * Published limits per limiter bucket. The `default` bucket applies to every request; a
	 * request naming another bucket (Apollo's bulk endpoints, Hunter's verifier) is paced by
	 * that bucket's windows instead.
	 */
	limits: Record<string, RateWindow[]>;
	/** Overrides the status-based classification where a provider departs from HTTP norms. */
	classify?(status: number, body: unknown): FailureKind | undefined;
	/** The provider's own human message inside an error body. */
	errorMessage(body: unknown): string | undefined;
}

export interface ProviderRequest {
	method: IHttpRequestMethods;
	/** Path relative to the profile's base URL, e.g. `/people/match`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	/**
	 * Whether sending it again cannot do harm when its outcome is unknown (a dropped connection
	 * or a 5xx). Defaults to true for GET, HEAD, PUT and DELETE; POST and PATCH must say so.
	 */
	idempotent?: boolean;
	/**
	 * A lookup the provider charges for once it carries it out, at most `credits` a send. Its answer
	 * lost on the way back may have been paid for, so it is not re-sent under `lostPaidAnswers:
	 * 'doNotSendAgain'`, and a failure after lost sends tells what they may have cost.
	 */
	paid?: { credits: number };
	/** Limiter bucket (see ProviderProfile.limits); `default` when omitted. */
	bucket?: string;
	/** Statuses that are answers rather than failures, e.g. 404 for "no such record". */
	acceptStatuses?: number[];
	timeoutMs?: number;
}

export interface ProviderResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	body: T;
	/** Sends of this request before the answered one whose answer was lost (dropped, timed out after sending). */
	lostSends: number;
}

/** Sends of a request that got no answer although the provider may have carried them out. */
export interface LostSends {
	sends: number;
	/** What they are counted as having cost; on the transport's error, `sends` times the request's `paid.credits`. */
	credits: number;
}

/**
 * What becomes of a paid request whose answer was lost: sent again (the provider may charge twice),
 * or failed with `outcomeUnknown`. Unset, it is sent again like any read.
 */
export type LostPaidAnswers = 'sendAgain' | 'doNotSendAgain';

export interface RetryPolicy {
	/** Total attempts including the first; a rate-limit refusal is not counted as one. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A provider asking to wait longer than this fails the request instead of stalling the run. */
	maxRetryAfterMs: number;
	/** Time one request may spend waiting out rate-limit refusals, with no call on its credential served meanwhile, before it fails. */
	maxRateLimitWaitMs: number;
}

export interface RequestOptions {
	/** The input item the request is made for; named in errors and used for pairing. */
	itemIndex?: number;
	retry?: Partial<RetryPolicy>;
	lostPaidAnswers?: LostPaidAnswers;
}
