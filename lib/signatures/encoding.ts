/**
 * Strict decoders. `Buffer.from(text, 'base64')` skips characters it does not know and
 * `Buffer.from(text, 'hex')` stops at the first bad pair, so a mangled signature would decode to
 * something shorter instead of being recognised as malformed.
 */
export type SignatureEncoding = 'hex' | 'base64';

/** Longer than any signature these schemes carry (4096-bit RSA is 684 base64 characters). */
export const MAX_SIGNATURE_CHARS = 2048;

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function decodeSignature(text: string, encoding: SignatureEncoding): Buffer | undefined {
	if (text.length === 0 || text.length > MAX_SIGNATURE_CHARS) return undefined;
	if (encoding === 'hex') return HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
	if (BASE64.test(text)) return Buffer.from(text, 'base64');
	// Some senders use the URL-safe alphabet without padding.
	return BASE64URL.test(text) && text.length % 4 !== 1 ? Buffer.from(text, 'base64url') : undefined;
}
