/**
 * Every scheme the package verifies, described as the sender signs it. Signatures are made here
 * with Node's crypto directly (not with the code under test), from the parts a request carries:
 * the raw body, the signature text, and the timestamp and event id when the scheme signs them.
 */
import { createHmac, generateKeyPairSync, sign } from 'crypto';
import type { KeyObject } from 'crypto';

import { parsePublicKey, verifyAsymmetric, verifyBasic, verifyBearer, verifyHeaderSecret, verifyHmac } from '../../lib/signatures';
import type { HmacScheme, SignedRequest, VerifyResult } from '../../lib/signatures';

/** A fixed clock, so timestamps in tests never depend on when they run. */
export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
export const nowSeconds = (offsetSeconds = 0): string => String(Math.floor(NOW / 1000) + offsetSeconds);

export interface Parts {
	body: Buffer;
	/** The signature (or credential) text, without any prefix. */
	signature: string;
	timestamp?: string;
	eventId?: string;
}

export interface SchemeFixture {
	name: string;
	/** The method a valid request is reported as. */
	method: string;
	signsBody: boolean;
	timestamped: boolean;
	toleranceSeconds: number;
	encoding: 'hex' | 'base64' | 'text';
	signatureHeader: string;
	/** Valid parts for a body: signed now, or at the given timestamp, with the right or another secret. */
	sign(body: Buffer, options?: { timestamp?: string; eventId?: string; wrongSecret?: boolean }): Parts;
	headers(parts: Parts): Record<string, string>;
	verify(request: SignedRequest, now: number): VerifyResult;
}

export const SECRET = 'whsec-test-0f9c2b7e4d1a';
export const OTHER_SECRET = 'whsec-test-other-5a6b7c';

function layoutBytes(layout: string, parts: Omit<Parts, 'signature'>): Buffer {
	const chunks: Buffer[] = [];
	for (const piece of layout.split(/(\{body\}|\{timestamp\}|\{eventId\})/)) {
		if (piece === '{body}') chunks.push(parts.body);
		else if (piece === '{timestamp}') chunks.push(Buffer.from(parts.timestamp ?? ''));
		else if (piece === '{eventId}') chunks.push(Buffer.from(parts.eventId ?? ''));
		else chunks.push(Buffer.from(piece));
	}
	return Buffer.concat(chunks);
}

export function hmacFixture(name: string, scheme: HmacScheme): SchemeFixture {
	const stripe = scheme.headerFormat === 'stripe';
	const timestamped = stripe || Boolean(scheme.timestampHeader);
	return {
		name,
		method: `hmac-${scheme.algorithm}`,
		signsBody: true,
		timestamped,
		toleranceSeconds: scheme.toleranceSeconds ?? 300,
		encoding: scheme.encoding,
		signatureHeader: scheme.signatureHeader,
		sign(body, options = {}) {
			const parts: Parts = { body, signature: '' };
			if (timestamped) parts.timestamp = options.timestamp ?? nowSeconds();
			if (scheme.eventIdHeader) parts.eventId = options.eventId ?? 'evt_0001';
			const payload = layoutBytes(scheme.payloadLayout ?? '{body}', parts);
			parts.signature = createHmac(scheme.algorithm, options.wrongSecret ? OTHER_SECRET : SECRET)
				.update(payload)
				.digest(scheme.encoding);
			return parts;
		},
		headers(parts) {
			const headers: Record<string, string> = {};
			headers[scheme.signatureHeader.toLowerCase()] = stripe
				? `t=${parts.timestamp ?? ''},v1=${parts.signature}`
				: `${scheme.prefix ?? ''}${parts.signature}`;
			if (scheme.timestampHeader && parts.timestamp !== undefined) headers[scheme.timestampHeader.toLowerCase()] = parts.timestamp;
			if (scheme.eventIdHeader && parts.eventId !== undefined) headers[scheme.eventIdHeader.toLowerCase()] = parts.eventId;
			return headers;
		},
		verify: (request, now) => verifyHmac(scheme, Buffer.from(SECRET), request, now),
	};
}

function asymmetricFixture(name: string, algorithm: 'ed25519' | 'rsa-sha256', header: string): SchemeFixture {
	const pair = algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
	const other = algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
	const spki = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
	const key = parsePublicKey(spki, algorithm) as KeyObject;
	return {
		name,
		method: algorithm,
		signsBody: true,
		timestamped: false,
		toleranceSeconds: 0,
		encoding: 'base64',
		signatureHeader: header,
		sign(body, options = {}) {
			const privateKey = options.wrongSecret ? other.privateKey : pair.privateKey;
			return { body, signature: sign(algorithm === 'ed25519' ? null : 'sha256', body, privateKey).toString('base64') };
		},
		headers: (parts) => ({ [header]: parts.signature }),
		verify: (request) => verifyAsymmetric({ signatureHeader: header, algorithm, key }, request),
	};
}

/** HaloPSA's own options: a secret sent as it is, which does not cover the body. */
function secretFixture(
	name: string,
	method: string,
	header: string,
	toHeader: (text: string) => string,
	check: (request: SignedRequest) => VerifyResult,
	valid: string,
	wrong: string,
	encoding: 'base64' | 'text',
): SchemeFixture {
	return {
		name,
		method,
		signsBody: false,
		timestamped: false,
		toleranceSeconds: 0,
		encoding,
		signatureHeader: header,
		sign: (body, options = {}) => ({ body, signature: options.wrongSecret ? wrong : valid }),
		headers: (parts) => ({ [header]: toHeader(parts.signature) }),
		verify: (request) => check(request),
	};
}

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

export const HMAC_SCHEMES: Record<string, HmacScheme> = {
	haloPsaSeed: { signatureHeader: 'x-halopsa-signature', algorithm: 'sha256', encoding: 'hex', toleranceSeconds: 0 },
	apollo: { signatureHeader: 'x-apollo-signature', algorithm: 'sha256', encoding: 'hex' },
	seedGeneric: {
		signatureHeader: 'X-Webhook-Signature',
		algorithm: 'sha256',
		encoding: 'hex',
		timestampHeader: 'X-Webhook-Timestamp',
		payloadLayout: '{timestamp}.{body}',
		toleranceSeconds: 300,
	},
	github: { signatureHeader: 'X-Hub-Signature-256', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' },
	stripe: {
		signatureHeader: 'Stripe-Signature',
		headerFormat: 'stripe',
		algorithm: 'sha256',
		encoding: 'hex',
		payloadLayout: '{timestamp}.{body}',
		toleranceSeconds: 300,
	},
	sha512Base64: {
		signatureHeader: 'X-Signature',
		algorithm: 'sha512',
		encoding: 'base64',
		timestampHeader: 'X-Timestamp',
		payloadLayout: '{timestamp}:{body}',
		toleranceSeconds: 60,
	},
	sha1EventId: {
		signatureHeader: 'X-Signature-Sha1',
		algorithm: 'sha1',
		encoding: 'hex',
		timestampHeader: 'webhook-timestamp',
		eventIdHeader: 'webhook-id',
		payloadLayout: '{eventId}.{timestamp}.{body}',
		toleranceSeconds: 300,
	},
};

export const SCHEMES: SchemeFixture[] = [
	...Object.entries(HMAC_SCHEMES).map(([name, scheme]) => hmacFixture(`HMAC ${name}`, scheme)),
	asymmetricFixture('Ed25519 (X-GHL-Signature)', 'ed25519', 'x-ghl-signature'),
	asymmetricFixture('RSA-SHA256 (X-WH-Signature)', 'rsa-sha256', 'x-wh-signature'),
	secretFixture(
		'HaloPSA Basic',
		'basic',
		'authorization',
		(text) => `Basic ${text}`,
		(r) => verifyBasic(r, 'halo', 'p4ss-w0rd!'),
		basic('halo', 'p4ss-w0rd!'),
		basic('halo', 'p4ss-w0rd?'),
		'base64',
	),
	secretFixture(
		'HaloPSA Bearer',
		'bearer',
		'authorization',
		(text) => `Bearer ${text}`,
		(r) => verifyBearer(r, 'tok-9f8e7d6c5b4a'),
		'tok-9f8e7d6c5b4a',
		'tok-9f8e7d6c5b4b',
		'text',
	),
	secretFixture(
		'HaloPSA API key',
		'api-key',
		'x-api-key',
		(text) => text,
		(r) => verifyHeaderSecret(r, 'X-API-Key', 'key-1234567890abcdef'),
		'key-1234567890abcdef',
		'key-1234567890abcdeg',
		'text',
	),
];

export function requestOf(fixture: SchemeFixture, parts: Parts, contentType = 'application/json'): SignedRequest {
	return { rawBody: parts.body, headers: { 'content-type': contentType, ...fixture.headers(parts) } };
}

export const JSON_BODY = Buffer.from('{"event":"ContactCreate","id":"c_1",  "name":"Zoë Ångström","nested":{"b":2,"a":1}}');
export const FORM_BODY = Buffer.from('event=ticket.updated&id=42&note=caf%C3%A9+%26+more&tag=a&tag=b');
