import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { transportClock } from './clock';
import { describeFailure, normalizeHeaders, wasLost, wasNeverSent } from './failure';
import type { Failure } from './failure';
import { ProviderApiError } from './provider-error';
import type { ProviderErrorKind } from './provider-error';
import { readRateLimitSignal } from './rate-limit-headers';
import { isNetworkErrorCode, networkErrorWords } from './network-errors';
import { providerErrorText } from './message-at';
import { limiterFor } from './rate-limiter';
import { backoffDelay, resolveRetryPolicy } from './retry-policy';
import { collectSecrets, maskDeep, maskSecrets } from './secrets';
import type {
	FailureKind,
	LostSends,
	ProviderProfile,
	ProviderRequest,
	ProviderResponse,
	RequestOptions,
	RetryPolicy,
	TransportContext,
} from './types';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const DEFAULT_TIMEOUT_MS = 60_000;

/** Credentials are read once per n8n context and credential type, not once per request. */
const credentialCache = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

async function credentialsFor(
	ctx: TransportContext,
	profile: ProviderProfile,
	itemIndex: number | undefined,
): Promise<ICredentialDataDecryptedObject> {
	let perContext = credentialCache.get(ctx);
	if (perContext === undefined) {
		perContext = new Map();
		credentialCache.set(ctx, perContext);
	}
	let pending = perContext.get(profile.credentialType);
	if (pending === undefined) {
		pending = ctx.getCredentials<ICredentialDataDecryptedObject>(profile.credentialType, itemIndex);
		perContext.set(profile.credentialType, pending);
		pending.catch(() => perContext?.delete(profile.credentialType));
	}
	return await pending;
}

function limiterKey(ctx: TransportContext, profile: ProviderProfile, bucket: string): string {
	const credentialId = ctx.getNode().credentials?.[profile.credentialType]?.id ?? 'unsaved';
	return `${profile.credentialType}:${credentialId}:${bucket}`;
}

function kindOfStatus(status: number | undefined): FailureKind {
	if (status === undefined) return 'transient';
	if (status === 429) return 'rateLimited';
	if (status === 408 || status === 425 || status >= 500) return 'transient';
	return 'fatal';
}

function errorKindOf(failure: Failure, kind: FailureKind): ProviderErrorKind {
	if (kind === 'quotaExhausted') return 'quotaExhausted';
	if (kind === 'rateLimited') return 'rateLimited';
	const status = failure.status;
	if (status === undefined) return 'network';
	if (status === 401 || status === 403) return 'auth';
	if (status === 404) return 'notFound';
	if (status >= 500) return 'server';
	return 'invalidRequest';
}

const HINTS: Partial<Record<ProviderErrorKind, string>> = {
	auth: 'The provider refused the credential. Open the credential, check its values and use "Test connection".',
	rateLimited: "The provider's rate limit was still exceeded after waiting as it asked. Run again later or lower the batch size.",
	quotaExhausted: 'The plan quota or credits for this provider are used up. Add credits or wait for the quota to reset.',
	outcomeUnknown:
		'The connection failed after the request was sent, so it may have been carried out. It was not sent again, to avoid a duplicate.',
	network: 'The provider could not be reached. Check the base URL in the credential and the network.',
	server: 'The provider answered with a server error on every attempt.',
};

const LOST_PAID_HINT =
	'The connection failed after the lookup was sent, so the provider may have carried it out and charged for it. Sending it again ' +
	'may pay for it twice.';

function describeWireFailure(failure: Failure): string {
	// A credential's own login error carries its code (e.g. Thrio's SERVICE_UNAVAILABLE) and a message written for the user.
	return networkErrorWords(failure.code) ?? failure.message;
}

interface Decision {
	/** Milliseconds to wait before the next attempt; undefined means give up. */
	retryInMs?: number;
	kind: ProviderErrorKind;
	reason?: string;
	/** A paid request's answer was lost and it may not be sent again. */
	lostPaid?: true;
}

/** Where one request stands: failed attempts and rate-limit refusals are budgeted apart. */
interface Tally {
	failures: number;
	refusals: number;
	/** Time spent waiting out refusals since a call on the credential was last served. */
	waitedForLimitMs: number;
	/** The limiter's served count when that time started. */
	servedAt: number;
}

function decide(
	failure: Failure,
	profile: ProviderProfile,
	idempotent: boolean,
	resendLost: boolean,
	tally: Tally,
	policy: RetryPolicy,
	now: number,
	served: number,
): Decision {
	const failureKind =
		(failure.status !== undefined ? profile.classify?.(failure.status, failure.body) : undefined) ?? kindOfStatus(failure.status);
	const kind = errorKindOf(failure, failureKind);

	// "Slow down" is not a failure: the request waits its turn, within a total time rather than a count,
	// so a long burst of refusals (another workflow or worker on the same credential) fails no item.
	if (failureKind === 'rateLimited') {
		tally.refusals++;
		// While other calls on the credential are served, the provider is busy, not refusing: the budget starts over. With
		// several workers on one credential (queue mode), a request can otherwise lose the race for the window too often.
		if (served > tally.servedAt) {
			tally.servedAt = served;
			tally.waitedForLimitMs = 0;
		}
		const resumeAt = readRateLimitSignal(failure.headers, now).resumeAt;
		const wait = Math.max(0, resumeAt !== undefined ? resumeAt - now : backoffDelay(tally.refusals, policy));
		if (wait > policy.maxRetryAfterMs) {
			return {
				kind,
				reason: `it asked to wait ${Math.ceil(wait / 1000)} s, longer than the ${Math.ceil(policy.maxRetryAfterMs / 1000)} s allowed`,
			};
		}
		if (tally.waitedForLimitMs + wait > policy.maxRateLimitWaitMs) {
			return { kind, reason: `kept refusing for ${Math.ceil(tally.waitedForLimitMs / 1000)} s (${tally.refusals} times)` };
		}
		tally.waitedForLimitMs += wait;
		return { kind, retryInMs: wait };
	}
	tally.failures++;
	if (failureKind !== 'transient') return { kind };
	if (!resendLost && wasLost(failure)) return { kind: 'outcomeUnknown', lostPaid: true };
	if (!idempotent && !wasNeverSent(failure)) return { kind: 'outcomeUnknown' };
	return tally.failures < policy.maxAttempts ? { kind, retryInMs: backoffDelay(tally.failures, policy) } : { kind };
}

function buildError(
	ctx: TransportContext,
	profile: ProviderProfile,
	failure: Failure,
	decision: Decision,
	secrets: string[],
	attempts: number,
	itemIndex: number | undefined,
	lost: LostSends | undefined,
): ProviderApiError {
	const providerMessage = decision.lostPaid
		? `answer lost, not re-sent to avoid paying twice (${describeWireFailure(failure)})`
		: failure.status === undefined
			? describeWireFailure(failure)
			: (providerErrorText(failure.body, profile.errorMessage(failure.body), failure.status) ?? failure.message);
	const status = failure.status !== undefined ? ` (HTTP ${failure.status})` : '';
	const item = itemIndex !== undefined ? ` [item ${itemIndex}]` : '';
	const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
	const hint = [
		decision.lostPaid ? LOST_PAID_HINT : HINTS[decision.kind],
		decision.reason ? `The provider ${decision.reason}.` : undefined,
		isNetworkErrorCode(failure.code) ? `Socket error: ${failure.code}.` : undefined,
	]
		.filter(Boolean)
		.join(' ');
	return new ProviderApiError(ctx.getNode(), {
		provider: profile.name,
		kind: decision.kind,
		status: failure.status,
		message: maskSecrets(`${profile.name}: ${providerMessage}${status}${tried}${item}`, secrets),
		description: hint ? maskSecrets(hint, secrets) : undefined,
		body: failure.body === undefined ? undefined : maskDeep(failure.body, secrets),
		itemIndex,
		lost,
	});
}

function httpOptions(profile: ProviderProfile, credentials: ICredentialDataDecryptedObject, request: ProviderRequest): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		json: true,
		returnFullResponse: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		headers: { accept: 'application/json', ...(request.headers ?? {}) },
	};
	const baseURL = profile.baseUrl(credentials);
	if (baseURL !== undefined) options.baseURL = baseURL.replace(/\/+$/, '');
	if (request.qs !== undefined) options.qs = compactQuery(request.qs);
	if (request.body !== undefined) options.body = request.body;
	return options;
}

/** Empty filters are left out rather than sent as `?title=`, which some APIs read as "match empty". */
function compactQuery(qs: NonNullable<ProviderRequest['qs']>): NonNullable<ProviderRequest['qs']> {
	return Object.fromEntries(
		Object.entries(qs).filter(
			([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0),
		),
	);
}

/**
 * The one way this package calls a provider: n8n's authenticated request helper (so n8n applies
 * and renews the credential), paced under the provider's published limits, retried with
 * backoff where that is safe, and failing with a masked ProviderApiError that names the item.
 * Answer and error both count the sends whose answer was lost, which a provider may have charged for.
 */
export async function providerRequest<T = unknown>(
	ctx: TransportContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	options: RequestOptions = {},
): Promise<ProviderResponse<T>> {
	const policy = resolveRetryPolicy(options.retry);
	const credentials = await credentialsFor(ctx, profile, options.itemIndex);
	const secrets = collectSecrets(credentials);
	const bucket = request.bucket ?? 'default';
	const limiter = limiterFor(limiterKey(ctx, profile, bucket), profile.limits[bucket] ?? profile.limits.default ?? []);
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const resendLost = request.paid === undefined || options.lostPaidAnswers !== 'doNotSendAgain';

	const tally: Tally = { failures: 0, refusals: 0, waitedForLimitMs: 0, servedAt: limiter.servedCount };
	let lostSends = 0;
	for (let attempt = 1; ; attempt++) {
		const answered = await limiter.acquire();
		try {
			const response = (await transportClock.call(
				async () =>
					await ctx.helpers.httpRequestWithAuthentication.call(ctx, profile.credentialType, httpOptions(profile, credentials, request)),
			)) as IN8nHttpFullResponse;
			answered();
			limiter.markServed();
			const headers = normalizeHeaders(response.headers);
			limiter.observe(readRateLimitSignal(headers, transportClock.now()));
			return { status: response.statusCode, headers, body: response.body as T, lostSends };
		} catch (error) {
			answered();
			const failure = describeFailure(error);
			if (wasLost(failure)) lostSends++;
			limiter.observe(readRateLimitSignal(failure.headers, transportClock.now()));
			if (failure.status !== undefined && request.acceptStatuses?.includes(failure.status)) {
				return { status: failure.status, headers: failure.headers, body: failure.body as T, lostSends };
			}
			const decision = decide(failure, profile, idempotent, resendLost, tally, policy, transportClock.now(), limiter.servedCount);
			if (decision.retryInMs === undefined) {
				const lost = lostSends > 0 ? { sends: lostSends, credits: lostSends * (request.paid?.credits ?? 0) } : undefined;
				throw buildError(ctx, profile, failure, decision, secrets, attempt, options.itemIndex, lost);
			}
			await transportClock.sleep(decision.retryInMs);
		}
	}
}

/** The body alone, for the common case. */
export async function providerJson<T = unknown>(
	ctx: TransportContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	options?: RequestOptions,
): Promise<T> {
	return (await providerRequest<T>(ctx, profile, request, options)).body;
}
