import { createHmac } from 'crypto';

import { constantTimeEqual } from './compare';
import { decodeSignature } from './encoding';
import type { SignatureEncoding } from './encoding';
import { readHeader } from './headers';
import type { SignedRequest } from './headers';
import { DEFAULT_PAYLOAD_LAYOUT, buildSignedPayload, placeholdersOf } from './payload';
import type { Refused, VerifyResult } from './result';
import { malformed, unauthorized, verified } from './result';
import { parseStripeSignatureHeader } from './signature-header';
import type { ClaimedSignatures } from './signature-header';
import { DEFAULT_TOLERANCE_SECONDS, checkTimestamp } from './timestamp';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

export const HMAC_ALGORITHMS: readonly HmacAlgorithm[] = ['sha256', 'sha512', 'sha1'];

export interface HmacScheme {
	/** The header carrying the signature, or for `stripe` the whole `t=...,v1=...` list. */
	signatureHeader: string;
	algorithm: HmacAlgorithm;
	encoding: SignatureEncoding;
	/** Text the signature starts with, e.g. GitHub's `sha256=`; matched case-insensitively. */
	prefix?: string;
	headerFormat?: 'plain' | 'stripe';
	/** The header carrying the timestamp, for plain headers whose scheme signs one. */
	timestampHeader?: string;
	/** What was signed, e.g. `{timestamp}.{body}`; `{body}` when unset. */
	payloadLayout?: string;
	/** How far a signed timestamp may be from now; 0 turns the check off. */
	toleranceSeconds?: number;
	/** The header whose value `{eventId}` stands for in the layout. */
	eventIdHeader?: string;
	/**
	 * The header may carry several space-separated signatures, one per signing key while a sender
	 * rotates its secret (Standard Webhooks' `v1,<sig> v1,<sig>`); one matching is enough.
	 */
	multipleSignatures?: boolean;
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** What is wrong with a scheme's settings, or undefined; nodes report it before any request. */
export function hmacSchemeProblem(scheme: HmacScheme): string | undefined {
	if (!HEADER_NAME.test(scheme.signatureHeader)) return `"${scheme.signatureHeader}" is not a header name`;
	if (!HMAC_ALGORITHMS.includes(scheme.algorithm)) return `unknown HMAC algorithm "${String(scheme.algorithm)}"`;
	if (scheme.encoding !== 'hex' && scheme.encoding !== 'base64') return `unknown signature encoding "${String(scheme.encoding)}"`;
	for (const header of [scheme.timestampHeader, scheme.eventIdHeader]) {
		if (header && !HEADER_NAME.test(header)) return `"${header}" is not a header name`;
	}
	const parts = placeholdersOf(scheme.payloadLayout ?? DEFAULT_PAYLOAD_LAYOUT);
	// A layout without the body would let anyone replay a signature over a body of their choosing.
	if (!parts.includes('body')) return 'the signed payload layout must contain {body}';
	const hasTimestamp = scheme.headerFormat === 'stripe' || Boolean(scheme.timestampHeader);
	if (parts.includes('timestamp') && !hasTimestamp) return 'the layout uses {timestamp} but no timestamp header is set';
	if (parts.includes('eventId') && !scheme.eventIdHeader) return 'the layout uses {eventId} but no event ID header is set';
	if (scheme.toleranceSeconds !== undefined && !(scheme.toleranceSeconds >= 0)) return 'the tolerance must be 0 or more seconds';
	return undefined;
}

export function computeHmac(algorithm: HmacAlgorithm, secret: Buffer | string, payload: Buffer): Buffer {
	return createHmac(algorithm, secret).update(payload).digest();
}

function claimedSignatures(scheme: HmacScheme, request: SignedRequest): ClaimedSignatures | Refused {
	const header = readHeader(request.headers, scheme.signatureHeader);
	if (!('value' in header)) return header;
	if (scheme.headerFormat === 'stripe') return parseStripeSignatureHeader(header.value);
	// No hex or base64 signature contains a space.
	const signatures = scheme.multipleSignatures ? header.value.split(/\s+/).filter((claim) => claim !== '') : [header.value];
	if (!scheme.timestampHeader) return { signatures };
	const timestamp = readHeader(request.headers, scheme.timestampHeader);
	return 'value' in timestamp ? { signatures, timestamp: timestamp.value } : timestamp;
}

function decodeClaim(scheme: HmacScheme, claim: string): Buffer | Refused {
	let text = claim;
	if (scheme.prefix) {
		if (text.slice(0, scheme.prefix.length).toLowerCase() !== scheme.prefix.toLowerCase())
			return malformed(`signature does not start with ${scheme.prefix}`);
		text = text.slice(scheme.prefix.length);
	}
	return decodeSignature(text, scheme.encoding) ?? malformed(`signature is not ${scheme.encoding}`);
}

/**
 * Checks an HMAC signature over the raw body (and, per the layout, the signed timestamp and event
 * id). Every claimed signature is decoded and compared, so a match is not found faster than a miss;
 * one that does not decode makes the request malformed only when no other one matches.
 */
export function verifyHmac(scheme: HmacScheme, secret: Buffer, request: SignedRequest, now: number): VerifyResult {
	const problem = hmacSchemeProblem(scheme);
	if (problem !== undefined) return unauthorized(`signature check is misconfigured: ${problem}`);
	if (secret.length === 0) return unauthorized('no signing secret is configured');

	const claimed = claimedSignatures(scheme, request);
	if ('ok' in claimed) return claimed;

	let timestamp: number | undefined;
	if (claimed.timestamp !== undefined) {
		const checked = checkTimestamp(claimed.timestamp, scheme.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS, now);
		if (!('timestamp' in checked)) return checked;
		timestamp = checked.timestamp;
	}
	let eventId: string | undefined;
	if (scheme.eventIdHeader) {
		const header = readHeader(request.headers, scheme.eventIdHeader);
		if (!('value' in header)) return header;
		eventId = header.value;
	}

	const layout = scheme.payloadLayout ?? DEFAULT_PAYLOAD_LAYOUT;
	const expected = computeHmac(
		scheme.algorithm,
		secret,
		buildSignedPayload(layout, { body: request.rawBody, timestamp: claimed.timestamp, eventId }),
	);
	let matched = false;
	let undecodable: Refused | undefined;
	for (const claim of claimed.signatures) {
		const bytes = decodeClaim(scheme, claim);
		if (Buffer.isBuffer(bytes)) matched = constantTimeEqual(bytes, expected) || matched;
		else undecodable ??= bytes;
	}
	if (matched) return verified(`hmac-${scheme.algorithm}`, timestamp);
	return undecodable ?? unauthorized('signature does not match');
}
