/**
 * Reads the providers' rate-limit signals. Each provider spells them differently (see
 * provider-apis.md); all of them reduce to "how many requests are left" and "when may I
 * send again".
 */

export interface RateLimitSignal {
	/** Requests left in the current window, when the provider says. */
	remaining?: number;
	/** Epoch ms at which sending may resume, when the provider says. */
	resumeAt?: number;
}

type Headers = Record<string, string>;

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return now + Math.ceil(parseFloat(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(now, date);
}

function numberHeader(headers: Headers, ...names: string[]): number | undefined {
	for (const name of names) {
		const raw = headers[name];
		if (raw !== undefined && raw !== '' && !Number.isNaN(Number(raw))) return Number(raw);
	}
	return undefined;
}

/**
 * A reset header is an epoch in seconds (UpLead, GitHub style) or, when small, seconds from now.
 * Values below 10^9 cannot be an epoch in this century, which tells the two apart.
 */
function resetToEpochMs(reset: number, now: number): number {
	return reset > 1e9 ? reset * 1000 : now + reset * 1000;
}

export function readRateLimitSignal(headers: Headers, now = Date.now()): RateLimitSignal {
	const signal: RateLimitSignal = {};
	// The smallest "left" figure is the one that binds (Apollo reports minute, hour and day).
	const lefts = [
		numberHeader(headers, 'x-ratelimit-remaining'),
		numberHeader(headers, 'x-minute-requests-left'),
		numberHeader(headers, 'x-hourly-requests-left'),
		numberHeader(headers, 'x-daily-requests-left', 'x-24-hour-requests-left'),
	].filter((value): value is number => value !== undefined);
	if (lefts.length > 0) signal.remaining = Math.min(...lefts);

	const retryAfter = parseRetryAfter(headers['retry-after'] ?? headers['x-ratelimit-retry-after'], now);
	if (retryAfter !== undefined) {
		signal.resumeAt = retryAfter;
		return signal;
	}
	if (signal.remaining !== 0) return signal;

	const reset = numberHeader(headers, 'x-ratelimit-reset');
	if (reset !== undefined) {
		signal.resumeAt = resetToEpochMs(reset, now);
		return signal;
	}
	// HighLevel states the window length rather than its end; waiting one window is safe.
	const interval = numberHeader(headers, 'x-ratelimit-interval-milliseconds');
	if (interval !== undefined) {
		signal.resumeAt = now + interval;
		return signal;
	}
	// Apollo's windows are fixed minutes, hours and days; the one exhausted decides the wait.
	if (numberHeader(headers, 'x-minute-requests-left') === 0) signal.resumeAt = now + 60_000;
	else if (numberHeader(headers, 'x-hourly-requests-left') === 0) signal.resumeAt = now + 3_600_000;
	else if (numberHeader(headers, 'x-daily-requests-left', 'x-24-hour-requests-left') === 0) signal.resumeAt = now + 86_400_000;
	return signal;
}
