/**
 * What every provider module gets from the sandbox: the live config, a clock tests can move, the
 * shared rate limiter and fixtures, and the guard that runs auth + rate limits before a handler.
 */
import type { SandboxConfig } from './config';
import type { Dataset } from './fixtures';
import { HttpError, type Reply } from './http-util';
import { FixedWindowLimiter, type LimitResult, type Window } from './rate-limit';
import type { Handler, RequestContext, Router } from './router';
import type { ApiName, ProviderName } from './types';

export interface SandboxCore {
	config(): SandboxConfig;
	/** Epoch ms, shifted by `advanceClock`: lets tests expire tokens and windows without waiting. */
	now(): number;
	dataset(): Dataset;
	limiter: FixedWindowLimiter;
	/** Secret behind the HS256 tokens the sandbox issues. */
	jwtSecret: string;
}

export type ApiRouters = Record<ApiName, Router>;

/** The contract between server.ts and one provider file. */
export interface ProviderModule {
	readonly name: ProviderName;
	register(routers: ApiRouters): void;
	/** Back to the seeded start: stores, tokens, usage. */
	reset(): void;
	/** JSON-safe snapshot for `GET /_sandbox/state/{provider}`. */
	dump(): unknown;
	/** Load records (`POST /_sandbox/seed/{provider}`); throws HttpError(400) on bad input. */
	seed(records: unknown): void;
	/** The provider's answer to "too many requests", used by its limiter and by the burst429 fault. */
	rateLimited: RateLimitedReply;
	/** Only providers that issue tokens have these. */
	expireTokens?(): void;
	revokeTokens?(): void;
	/** Only providers that meter usage in credits have this. */
	creditsUsed?(): number;
}

/** Builds a refusal; `result` is absent when a fault, not a real window, refuses the request. */
export type RateLimitedReply = (retryAfterMs: number, result?: LimitResult) => HttpError;

/**
 * How a provider authenticates and rate-limits one request. `limit` returns the windows to count the
 * request against, keyed by the caller's credential.
 */
export interface Guard<P> {
	authenticate(ctx: RequestContext): P;
	limit(ctx: RequestContext, principal: P): { key: string; windows: Window[] } | undefined;
	/** Headers for a successful answer (usage headers); the refusal comes from `rateLimited`. */
	headers?(result: LimitResult): Record<string, string>;
	rateLimited: RateLimitedReply;
}

export type GuardedHandler<P> = (ctx: RequestContext, principal: P) => Reply | Promise<Reply>;

/** Wraps a handler: authenticate, count against the rate limit, run, add usage headers. */
export function guarded<P>(core: SandboxCore, guard: Guard<P>, handler: GuardedHandler<P>): Handler {
	return async (ctx) => {
		const principal = guard.authenticate(ctx);
		const limit = guard.limit(ctx, principal);
		if (!limit || limit.windows.length === 0) return handler(ctx, principal);
		const result = core.limiter.hit(limit.key, limit.windows, core.now(), core.config().enforceRateLimits);
		if (!result.allowed) throw guard.rateLimited(result.retryAfterMs, result);
		const extra = guard.headers?.(result) ?? {};
		try {
			const reply = await handler(ctx, principal);
			return { ...reply, headers: { ...extra, ...reply.headers } };
		} catch (error) {
			if (error instanceof HttpError) throw new HttpError(error.status, error.body, { ...extra, ...error.headers });
			throw error;
		}
	};
}

/** A numeric setting from the query or body that must be a positive integer when present. */
export function positiveInt(value: number | undefined, fallback: number): number {
	return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}
