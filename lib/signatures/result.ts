/**
 * What every check in this folder answers. A refusal carries the HTTP status to send: 400 when the
 * request cannot be read as the scheme describes (a signature that is not hex, a header in the
 * wrong shape, a timestamp that is not a time), 401 when it reads fine but does not authenticate
 * (missing, wrong, stale, replayed). Checks return these and never throw on what a caller sent.
 */
export interface Verified {
	ok: true;
	/** How the request proved itself, e.g. `hmac-sha256`, `ed25519`, `basic`. */
	method: string;
	/** The signed timestamp, epoch milliseconds, when the scheme carries one. */
	timestamp?: number;
}

export interface Refused {
	ok: false;
	status: 400 | 401;
	reason: string;
}

export type VerifyResult = Verified | Refused;

export const verified = (method: string, timestamp?: number): Verified =>
	timestamp === undefined ? { ok: true, method } : { ok: true, method, timestamp };

/** The request is not in the shape the scheme describes. */
export const malformed = (reason: string): Refused => ({ ok: false, status: 400, reason });

/** The request is readable but does not authenticate. */
export const unauthorized = (reason: string): Refused => ({ ok: false, status: 401, reason });
