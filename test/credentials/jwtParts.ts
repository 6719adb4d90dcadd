import { verify } from 'crypto';
import type { KeyObject } from 'crypto';

export function fromBase64Url(text: string): Buffer {
	return Buffer.from(text, 'base64url');
}

/** Splits a compact JWS, decodes its JSON parts and checks its RS256 signature against a public key. */
export function readJwt(jwt: string, publicKey: KeyObject) {
	const [header, payload, signature] = jwt.split('.');
	return {
		header: JSON.parse(fromBase64Url(header).toString('utf8')) as unknown,
		claims: JSON.parse(fromBase64Url(payload).toString('utf8')) as Record<string, unknown>,
		signatureValid: verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, fromBase64Url(signature)),
	};
}
