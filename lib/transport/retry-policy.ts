import type { RetryPolicy } from './types';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 120_000,
	maxRateLimitWaitMs: 900_000,
};

/**
 * Exponential backoff with full jitter: spreading retries randomly over the whole interval
 * keeps many workers that failed together from retrying together.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(random() * ceiling);
}

/** Overrides left undefined (an unset node option passed through) keep the default. */
export function resolveRetryPolicy(overrides?: Partial<RetryPolicy>): RetryPolicy {
	const given = Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined);
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...Object.fromEntries(given) };
	policy.maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
	return policy;
}
