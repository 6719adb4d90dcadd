import { createPublicKey, verify } from 'crypto';
import type { KeyObject } from 'crypto';

import { decodeSignature } from './encoding';
import { readHeader } from './headers';
import type { SignedRequest } from './headers';
import type { VerifyResult } from './result';
import { malformed, unauthorized, verified } from './result';

export type AsymmetricAlgorithm = 'ed25519' | 'rsa-sha256';

const KEY_TYPE: Record<AsymmetricAlgorithm, string> = { ed25519: 'ed25519', 'rsa-sha256': 'rsa' };
/** An Ed25519 signature is always 64 bytes; RSA's is as long as the key's modulus. */
const ED25519_SIGNATURE_BYTES = 64;

/**
 * A public key given as PEM (`-----BEGIN PUBLIC KEY-----`) or as the base64 of its DER SPKI (the
 * form HighLevel publishes), checked to be of the algorithm's type. Undefined when it is neither.
 */
export function parsePublicKey(text: string, algorithm: AsymmetricAlgorithm): KeyObject | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	try {
		const key = trimmed.includes('-----BEGIN')
			? createPublicKey({ key: trimmed, format: 'pem' })
			: createPublicKey({ key: Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
		return key.asymmetricKeyType === KEY_TYPE[algorithm] ? key : undefined;
	} catch {
		return undefined;
	}
}

export interface AsymmetricScheme {
	signatureHeader: string;
	algorithm: AsymmetricAlgorithm;
	key: KeyObject;
}

function signatureMatches(scheme: AsymmetricScheme, body: Buffer, signature: Buffer): boolean {
	if (scheme.algorithm === 'ed25519' && signature.length !== ED25519_SIGNATURE_BYTES) return false;
	try {
		return verify(scheme.algorithm === 'ed25519' ? null : 'sha256', body, scheme.key, signature);
	} catch {
		// OpenSSL rejects some malformed signatures by throwing rather than answering false.
		return false;
	}
}

/** A base64 signature of the raw body, checked with the sender's public key. */
export function verifyAsymmetric(scheme: AsymmetricScheme, request: SignedRequest): VerifyResult {
	const header = readHeader(request.headers, scheme.signatureHeader);
	if (!('value' in header)) return header;
	const signature = decodeSignature(header.value, 'base64');
	if (signature === undefined) return malformed(`${scheme.signatureHeader} is not base64`);
	return signatureMatches(scheme, request.rawBody, signature) ? verified(scheme.algorithm) : unauthorized('signature does not match');
}
