/**
 * Just enough JWT for the sandbox: HS256 signing for the tokens it issues (checked by lookup in
 * tokens.ts, not by signature) and RS256 verification for ZoomInfo's PKI login.
 */
import { createHmac, verify, type KeyObject } from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

function base64url(input: Buffer | string): string {
	return Buffer.from(input).toString('base64url');
}

export function signHs256(claims: JwtClaims, secret: string): string {
	const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const body = base64url(JSON.stringify(claims));
	const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
	return `${head}.${body}.${signature}`;
}

export interface DecodedJwt {
	header: JwtClaims;
	claims: JwtClaims;
	signingInput: string;
	signature: Buffer;
}

/** Splits and parses a JWT without trusting it; undefined when it is not JWT-shaped. */
export function decodeJwt(token: string): DecodedJwt | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
		const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
		if (typeof header !== 'object' || header === null || typeof claims !== 'object' || claims === null) return undefined;
		return {
			header: header as JwtClaims,
			claims: claims as JwtClaims,
			signingInput: `${parts[0]}.${parts[1]}`,
			signature: Buffer.from(parts[2], 'base64url'),
		};
	} catch {
		return undefined;
	}
}

export function verifyRs256(token: string, publicKey: KeyObject): JwtClaims | undefined {
	const decoded = decodeJwt(token);
	if (!decoded || decoded.header.alg !== 'RS256') return undefined;
	const ok = verify('RSA-SHA256', Buffer.from(decoded.signingInput), publicKey, decoded.signature);
	return ok ? decoded.claims : undefined;
}
