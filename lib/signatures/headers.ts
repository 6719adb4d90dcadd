import type { Refused } from './result';
import { malformed, unauthorized } from './result';

/** Request headers as Node delivers them: lower-case names, a string, or a list for repeated ones. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** What a signature check reads: the headers and the body exactly as received. */
export interface SignedRequest {
	headers: RequestHeaders;
	rawBody: Buffer;
}

/** Larger than any legitimate auth header, small enough to bound the work a request causes. */
const MAX_HEADER_CHARS = 8192;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * One header's value, trimmed. A header sent twice, over-long or holding non-ASCII bytes is
 * malformed rather than guessed at; an absent or empty one is a missing credential.
 */
export function readHeader(headers: RequestHeaders, name: string): { value: string } | Refused {
	const raw = headers[name.toLowerCase()];
	if (Array.isArray(raw)) return malformed(`${name} was sent more than once`);
	if (typeof raw !== 'string' || raw.trim() === '') return unauthorized(`missing ${name} header`);
	if (raw.length > MAX_HEADER_CHARS || !PRINTABLE_ASCII.test(raw)) return malformed(`${name} header is not a readable value`);
	return { value: raw.trim() };
}
