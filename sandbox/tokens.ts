/**
 * Tokens the sandbox issues. Every token is remembered (even JWT-shaped ones) so it can expire, be
 * revoked or run out of calls on demand, and so a forged but well-formed token is still refused.
 */
import { randomBytes } from 'node:crypto';
import { signHs256, type JwtClaims } from './jwt';

export interface TokenRecord<C> {
	token: string;
	claims: C;
	issuedAt: number;
	expiresAt: number;
	/** API calls allowed with this token; null = unlimited. */
	maxCalls: number | null;
	calls: number;
	revoked: boolean;
}

export type TokenFailure = 'unknown' | 'expired' | 'revoked' | 'exhausted';

export type TokenCheck<C> = { ok: true; record: TokenRecord<C> } | { ok: false; reason: TokenFailure; record?: TokenRecord<C> };

export interface IssueOptions {
	ttlMs: number;
	maxCalls?: number | null;
}

/** `opaque`: random hex; `jwt`: an HS256 JWT carrying the claims plus iat/exp (seconds). */
export type TokenFormat = 'opaque' | 'jwt';

export const TOKEN_MESSAGES: Record<TokenFailure, string> = {
	unknown: 'Invalid token',
	expired: 'Token expired',
	revoked: 'Token revoked',
	exhausted: 'Token expired',
};

export class TokenStore<C extends object> {
	private readonly records = new Map<string, TokenRecord<C>>();

	constructor(
		private readonly clock: () => number,
		private readonly format: TokenFormat,
		private readonly secret: string,
	) {}

	issue(claims: C, options: IssueOptions): TokenRecord<C> {
		const issuedAt = this.clock();
		const expiresAt = issuedAt + options.ttlMs;
		const token =
			this.format === 'opaque'
				? randomBytes(24).toString('hex')
				: signHs256(
						{
							...(claims as JwtClaims),
							jti: randomBytes(8).toString('hex'),
							iat: Math.floor(issuedAt / 1000),
							exp: Math.ceil(expiresAt / 1000),
						},
						this.secret,
					);
		const record: TokenRecord<C> = { token, claims, issuedAt, expiresAt, maxCalls: options.maxCalls ?? null, calls: 0, revoked: false };
		this.records.set(token, record);
		return record;
	}

	/** Validity without spending a call. */
	check(token: string | undefined): TokenCheck<C> {
		const record = token === undefined ? undefined : this.records.get(token);
		if (!record) return { ok: false, reason: 'unknown' };
		if (record.revoked) return { ok: false, reason: 'revoked', record };
		if (this.clock() >= record.expiresAt) return { ok: false, reason: 'expired', record };
		if (record.maxCalls !== null && record.calls >= record.maxCalls) return { ok: false, reason: 'exhausted', record };
		return { ok: true, record };
	}

	/** Validity for an API call, which spends one of the token's calls. */
	use(token: string | undefined): TokenCheck<C> {
		const result = this.check(token);
		if (result.ok) result.record.calls++;
		return result;
	}

	revoke(token: string): void {
		const record = this.records.get(token);
		if (record) record.revoked = true;
	}

	revokeAll(): void {
		for (const record of this.records.values()) record.revoked = true;
	}

	/** Expired "just now", so grace periods (GoHighLevel's refresh) still apply. */
	expireAll(): void {
		const now = this.clock();
		for (const record of this.records.values()) record.expiresAt = Math.min(record.expiresAt, now - 1);
	}

	clear(): void {
		this.records.clear();
	}

	/** Live tokens, for the state dump. */
	active(): TokenRecord<C>[] {
		return [...this.records.values()].filter((record) => this.check(record.token).ok);
	}
}
