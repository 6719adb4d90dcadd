/**
 * HighLevel's three ways in: the session backend (`token-id` JWT, renewed by `/token/update`),
 * the web login that hands out such a token, and the v2 API's private integration tokens.
 */
import type { SandboxCore } from './core';
import { bearerToken, bodyRecord, firstHeader, HttpError, json, type Reply } from './http-util';
import type { RequestContext, Router } from './router';
import { TOKEN_MESSAGES, TokenStore } from './tokens';
import type { ApiName } from './types';

export interface GhlPrincipal {
	userId: string;
	locationId: string;
}

export const SESSION_USER_ID = 'user-sandbox-0001';
const V2_VERSIONS = ['2021-07-28', '2021-04-15'];

function unauthorized(message: string): HttpError {
	return new HttpError(401, { statusCode: 401, message });
}

export class GhlAuth {
	readonly sessionTokens: TokenStore<GhlPrincipal>;

	constructor(private readonly core: SandboxCore) {
		this.sessionTokens = new TokenStore(core.now, 'jwt', core.jwtSecret);
	}

	/** What a user would copy from their browser: a fresh session token for a location. */
	issueSessionToken(locationId = this.core.config().goHighLevel.locationId): string {
		const auth = this.core.config().auth;
		return this.sessionTokens.issue(
			{ userId: SESSION_USER_ID, locationId },
			{ ttlMs: auth.tokenTtlMs.goHighLevel, maxCalls: auth.tokenMaxCalls.goHighLevel },
		).token;
	}

	registerLogin(session: Router, login: Router): void {
		login.post(
			'/login',
			(ctx) => {
				const config = this.core.config().goHighLevel;
				const body = bodyRecord(ctx.body);
				if (body.email !== config.email || body.password !== config.password) throw unauthorized('Invalid email or password');
				return json({ token: this.issueSessionToken() });
			},
			{ auth: true },
		);
		session.post('/token/update', (ctx) => this.renew(ctx), { auth: true });
	}

	/**
	 * A new token for the current one, which stops working. A token that expired (or ran out of calls)
	 * within `refreshGraceMs` is still accepted: that is how a session client recovers from a 401.
	 */
	private renew(ctx: RequestContext): Reply {
		const check = this.sessionTokens.check(firstHeader(ctx.headers, 'token-id'));
		const record = check.record;
		const inGrace =
			!check.ok &&
			(check.reason === 'expired' || check.reason === 'exhausted') &&
			record !== undefined &&
			this.core.now() - record.expiresAt <= this.core.config().goHighLevel.refreshGraceMs;
		if (!record || (!check.ok && !inGrace)) throw unauthorized(check.ok ? 'Invalid token' : TOKEN_MESSAGES[check.reason]);
		this.sessionTokens.revoke(record.token);
		return json({ tokenId: this.issueSessionToken(record.claims.locationId) });
	}

	/** The `version` header is required by both APIs; v2 also checks its value. */
	authenticate(ctx: RequestContext, api: ApiName): GhlPrincipal {
		const version = firstHeader(ctx.headers, 'version');
		if (!version) throw new HttpError(400, { statusCode: 400, message: 'Version header was not found' });
		if (api === 'goHighLevelV2') {
			if (!V2_VERSIONS.includes(version)) throw new HttpError(400, { statusCode: 400, message: `Unsupported version ${version}` });
			ctx.credentialVia = 'header:authorization-bearer';
			const token = bearerToken(ctx.headers);
			const locationId = token === undefined ? undefined : this.core.config().goHighLevel.privateIntegrationTokens[token];
			if (!locationId) throw unauthorized('Invalid JWT');
			return { userId: 'private-integration', locationId };
		}
		ctx.credentialVia = 'header:token-id';
		const check = this.sessionTokens.use(firstHeader(ctx.headers, 'token-id'));
		if (!check.ok) throw unauthorized(TOKEN_MESSAGES[check.reason]);
		return check.record.claims;
	}
}
