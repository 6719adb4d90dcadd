import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { decodeSignature } from '../signatures';

export type SecretFormat = 'text' | 'base64' | 'hex';

/**
 * A signing secret as the sender uses it: the text as typed, or the bytes it encodes (some
 * providers hand out base64 secrets, e.g. `whsec_...` after the prefix). Undefined when the
 * text does not decode.
 */
export function secretBytes(secret: unknown, format: unknown): Buffer | undefined {
	const text = typeof secret === 'string' ? secret : '';
	if (format === 'base64') return decodeSignature(text.trim(), 'base64');
	if (format === 'hex') return decodeSignature(text.trim(), 'hex');
	return Buffer.from(text, 'utf8');
}

export function credentialSecret(credentials: ICredentialDataDecryptedObject, field = 'secret'): Buffer | undefined {
	return secretBytes(credentials[field], credentials.format);
}
