/**
 * HaloPSA's OAuth server: `/api/authinfo`, `/auth/token` (client credentials, PKCE authorization code,
 * refresh) and `/auth/authorize` (auto-consent). Hosted Halo requires `?tenant=` on the token URL;
 * the on-premise prefix serves the same thing without it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SandboxCore } from './core';
import { PROVIDER_PREFIX } from './defaults';
import { basicAuth, bearerToken, HttpError, isRecord, json, optString, type Reply } from './http-util';
import type { RequestContext, Router } from './router';
import { TOKEN_MESSAGES, TokenStore } from './tokens';

export interface HaloPrincipal {
	clientId: string;
	/** The agent the token acts as: the API agent for client credentials, a person for the code flow. */
	agentId: number;
	scope: string;
}

interface AuthorizationCode {
	clientId: string;
	redirectUri: string;
	challenge: string | undefined;
	scope: string;
	expiresAt: number;
}

/** Agent seeded as the application's own identity, and the one a browser login acts as. */
export const API_AGENT_ID = 1;
export const INTERACTIVE_AGENT_ID = 2;
const CODE_TTL_MS = 10 * 60_000;

function oauthError(status: number, error: string, description: string): HttpError {
	return new HttpError(status, { error, error_description: description });
}

export class HaloAuth {
	readonly accessTokens: TokenStore<HaloPrincipal>;
	readonly refreshTokens: TokenStore<HaloPrincipal>;
	private readonly codes = new Map<string, AuthorizationCode>();

	constructor(private readonly core: SandboxCore) {
		this.accessTokens = new TokenStore(core.now, 'opaque', core.jwtSecret);
		this.refreshTokens = new TokenStore(core.now, 'opaque', core.jwtSecret);
	}

	register(router: Router, hosted: boolean): void {
		const prefix = hosted ? PROVIDER_PREFIX.haloPsa : PROVIDER_PREFIX.haloPsaOnPremise;
		router.get('/api/authinfo', (ctx) => json({ auth_url: `${ctx.origin}${prefix}/auth`, tenant_id: this.core.config().haloPsa.tenant }), {
			auth: true,
		});
		router.post('/auth/token', (ctx) => this.token(ctx, hosted), { auth: true });
		router.get('/auth/authorize', (ctx) => this.authorize(ctx), { auth: true });
	}

	/** Bearer check for `/api` calls; each call spends one of the token's calls. */
	authenticate(ctx: RequestContext): HaloPrincipal {
		const check = this.accessTokens.use(bearerToken(ctx.headers));
		if (check.ok) return check.record.claims;
		throw new HttpError(401, { message: TOKEN_MESSAGES[check.reason] }, { 'www-authenticate': `Bearer error="invalid_token"` });
	}

	private token(ctx: RequestContext, hosted: boolean): Reply {
		const config = this.core.config().haloPsa;
		if (!String(ctx.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded') || !isRecord(ctx.body)) {
			throw oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded');
		}
		if (hosted && ctx.query.get('tenant') !== config.tenant) {
			throw oauthError(400, 'invalid_request', 'Unknown or missing tenant');
		}
		const form = ctx.body;
		const basic = basicAuth(ctx.headers);
		const clientId = basic?.user ?? optString(form.client_id);
		const clientSecret = basic?.password ?? optString(form.client_secret);
		if (clientId !== config.clientId) throw oauthError(401, 'invalid_client', 'Unknown client');
		if (clientSecret !== undefined && clientSecret !== config.clientSecret) {
			throw oauthError(401, 'invalid_client', 'Invalid client secret');
		}
		const grant = optString(form.grant_type);
		switch (grant) {
			case 'client_credentials':
				if (clientSecret === undefined) throw oauthError(401, 'invalid_client', 'Client secret required');
				return this.issue({ clientId, agentId: API_AGENT_ID, scope: optString(form.scope) ?? 'all' });
			case 'authorization_code':
				return this.issue(this.redeemCode(form, clientId, clientSecret !== undefined));
			case 'refresh_token':
				return this.issue(this.redeemRefresh(optString(form.refresh_token), clientId));
			default:
				throw oauthError(400, 'unsupported_grant_type', `Unsupported grant_type ${grant ?? '(none)'}`);
		}
	}

	private redeemCode(form: Record<string, unknown>, clientId: string, hasSecret: boolean): HaloPrincipal {
		const codeValue = optString(form.code) ?? '';
		const code = this.codes.get(codeValue);
		// Codes are single-use whatever happens next.
		this.codes.delete(codeValue);
		if (!code || code.expiresAt <= this.core.now() || code.clientId !== clientId) {
			throw oauthError(400, 'invalid_grant', 'Invalid or expired authorization code');
		}
		if (optString(form.redirect_uri) !== code.redirectUri) throw oauthError(400, 'invalid_grant', 'redirect_uri mismatch');
		if (code.challenge !== undefined) {
			const verifier = optString(form.code_verifier) ?? '';
			if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
				throw oauthError(400, 'invalid_grant', 'code_verifier does not match code_challenge');
			}
		} else if (!hasSecret) {
			throw oauthError(401, 'invalid_client', 'Client secret or PKCE required');
		}
		return { clientId, agentId: INTERACTIVE_AGENT_ID, scope: code.scope };
	}

	private redeemRefresh(token: string | undefined, clientId: string): HaloPrincipal {
		const check = this.refreshTokens.check(token);
		if (!check.ok || check.record.claims.clientId !== clientId) {
			throw oauthError(400, 'invalid_grant', 'Invalid refresh token');
		}
		// Refresh tokens rotate: the old one is spent.
		this.refreshTokens.revoke(check.record.token);
		return check.record.claims;
	}

	private issue(principal: HaloPrincipal): Reply {
		const config = this.core.config();
		const ttlMs = config.auth.tokenTtlMs.haloPsa;
		const access = this.accessTokens.issue(principal, { ttlMs, maxCalls: config.auth.tokenMaxCalls.haloPsa });
		const refresh = this.refreshTokens.issue(principal, { ttlMs: config.haloPsa.refreshTokenTtlMs });
		return json({
			access_token: access.token,
			token_type: 'Bearer',
			expires_in: Math.ceil(ttlMs / 1000),
			refresh_token: refresh.token,
			scope: principal.scope,
		});
	}

	private authorize(ctx: RequestContext): Reply {
		const query = ctx.query;
		const redirectUri = query.get('redirect_uri');
		if (query.get('response_type') !== 'code') throw oauthError(400, 'unsupported_response_type', 'response_type must be code');
		if (query.get('client_id') !== this.core.config().haloPsa.clientId) throw oauthError(400, 'unauthorized_client', 'Unknown client');
		if (!redirectUri || !URL.canParse(redirectUri)) throw oauthError(400, 'invalid_request', 'redirect_uri must be an absolute URL');
		const challenge = query.get('code_challenge') ?? undefined;
		if (challenge !== undefined && query.get('code_challenge_method') !== 'S256') {
			throw oauthError(400, 'invalid_request', 'code_challenge_method must be S256');
		}
		const code = randomBytes(16).toString('hex');
		this.codes.set(code, {
			clientId: this.core.config().haloPsa.clientId,
			redirectUri,
			challenge,
			scope: query.get('scope') ?? 'all',
			expiresAt: this.core.now() + CODE_TTL_MS,
		});
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		const state = query.get('state');
		if (state !== null) target.searchParams.set('state', state);
		return { status: 302, headers: { location: target.toString() } };
	}

	expire(): void {
		this.accessTokens.expireAll();
	}

	revoke(): void {
		this.accessTokens.revokeAll();
		this.refreshTokens.revokeAll();
	}

	reset(): void {
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.codes.clear();
	}
}
