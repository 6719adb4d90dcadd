import type { Refused } from './result';
import { malformed, unauthorized } from './result';

/** Five minutes: what the generic X-Webhook-Signature scheme, Stripe and HighLevel use. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Below this an epoch is in seconds (it would be 1973 in milliseconds), above it in milliseconds. */
const SECONDS_LIMIT = 1e11;
const EPOCH = /^\d{1,16}(?:\.\d{1,9})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Epoch seconds or milliseconds (number or digits) or an ISO 8601 date, as epoch milliseconds. */
export function parseTimestamp(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? toMillis(value) : undefined;
	if (typeof value !== 'string' || value.length > 64) return undefined;
	const text = value.trim();
	if (EPOCH.test(text)) return toMillis(Number(text));
	if (!ISO_DATE.test(text)) return undefined;
	const parsed = Date.parse(text);
	return Number.isFinite(parsed) ? parsed : undefined;
}

function toMillis(epoch: number): number {
	return epoch < SECONDS_LIMIT ? Math.round(epoch * 1000) : Math.round(epoch);
}

/**
 * Refuses a timestamp outside `now ± tolerance`: an old one is a replay, and one from the future
 * would otherwise stretch the window a captured request stays usable. A tolerance of 0 or less
 * turns the check off.
 */
export function checkTimestamp(value: unknown, toleranceSeconds: number, now: number, what = 'timestamp'): { timestamp: number } | Refused {
	const timestamp = parseTimestamp(value);
	if (timestamp === undefined) return malformed(`${what} is not a valid time`);
	if (toleranceSeconds > 0) {
		const skew = timestamp - now;
		if (skew < -toleranceSeconds * 1000) return unauthorized(`${what} is older than ${toleranceSeconds} s`);
		if (skew > toleranceSeconds * 1000) return unauthorized(`${what} is more than ${toleranceSeconds} s in the future`);
	}
	return { timestamp };
}
