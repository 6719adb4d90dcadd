import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Credential values are typed loosely (string, number, boolean or object) and fields the editor hides
 * are simply absent, so every read goes through here to get a string.
 */
function asString(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return '';
}

/** URLs, names, IDs and pasted tokens: surrounding whitespace is always a copy-paste accident. */
export function readTrimmed(credentials: ICredentialDataDecryptedObject, name: string): string {
	return asString(credentials[name]).trim();
}

/** Passwords are sent exactly as typed: leading or trailing spaces may be part of them. */
export function readVerbatim(credentials: ICredentialDataDecryptedObject, name: string): string {
	return asString(credentials[name]);
}
