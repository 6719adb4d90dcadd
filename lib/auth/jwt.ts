import { createPrivateKey, sign } from 'crypto';

export function base64UrlEncode(input: Buffer | string): string {
	return Buffer.from(input).toString('base64url');
}

function encodeJson(value: object): string {
	return base64UrlEncode(JSON.stringify(value));
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/**
 * A PEM pasted into a form often loses its line breaks (one long line, or literal `\n` sequences from
 * a JSON file). Node only parses the 64-column layout, so rebuild it. Blocks with headers (encrypted
 * legacy keys: `Proc-Type: ...`) are left alone because their layout carries meaning.
 */
export function normalizePem(pem: string): string {
	const text = pem.replace(/\\n/g, '\n').trim();
	const block = PEM_BLOCK.exec(text);
	if (!block || block[2].includes(':')) return text;
	const [, label, body] = block;
	const lines = body.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A compact JWS (RFC 7515) signed with RSASSA-PKCS1-v1_5 over SHA-256, i.e. `alg: RS256`. */
export function signRs256Jwt(claims: object, privateKeyPem: string): string {
	const signingInput = `${encodeJson({ alg: 'RS256', typ: 'JWT' })}.${encodeJson(claims)}`;
	const privateKey = createPrivateKey(normalizePem(privateKeyPem));
	const signature = sign('sha256', Buffer.from(signingInput), privateKey);
	return `${signingInput}.${base64UrlEncode(signature)}`;
}
