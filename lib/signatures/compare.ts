import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Both sides are HMACed with a key drawn once per process before `timingSafeEqual` sees them, so it
 * always gets two 32-byte digests: it cannot throw on different lengths (as it does on raw inputs), and the
 * time taken tells nothing about how much of a guess was right, nor about the expected length.
 */
const COMPARE_KEY = randomBytes(32);

function digestOf(value: Buffer | string): Buffer {
	return createHmac('sha256', COMPARE_KEY).update(value).digest();
}

/** Constant-time equality of two secrets or signatures; false for anything that is not a string or Buffer. */
export function constantTimeEqual(a: unknown, b: unknown): boolean {
	if (!isBytes(a) || !isBytes(b)) return false;
	return timingSafeEqual(digestOf(a), digestOf(b));
}

function isBytes(value: unknown): value is Buffer | string {
	return typeof value === 'string' || Buffer.isBuffer(value);
}
