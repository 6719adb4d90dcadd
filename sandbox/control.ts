/** The `/_sandbox` control API: JSON in and out, never logged, never faulted. */
import type { DeepPartial, SandboxConfig } from './config';
import { bodyRecord, HttpError, json, optNumber, optString } from './http-util';
import type { LogEntry, LogFilter, RequestCounts } from './log';
import { Router } from './router';
import { isProviderName, isTokenProvider, type ApiName, type ProviderName, type TokenProvider } from './types';

export interface SandboxStats {
	/** Per provider: total requests and counts by HTTP status (0 = dropped). */
	requests: RequestCounts;
	/** Credits spent per provider since the last reset. */
	credits: Record<ProviderName, number>;
}

/** What the control routes need from the sandbox (server.ts's Sandbox implements it). */
export interface ControlTarget {
	readonly url: string;
	readonly config: SandboxConfig;
	requests(filter?: LogFilter): LogEntry[];
	clearLog(): void;
	reset(): void;
	configure(patch: DeepPartial<SandboxConfig>): SandboxConfig;
	dumpState(provider: ProviderName): unknown;
	seed(provider: ProviderName, records: unknown): void;
	expireTokens(provider: TokenProvider): void;
	revokeTokens(provider: TokenProvider): void;
	zoomInfoPki(): { privateKeyPem: string; publicKeyPem: string; clientId: string; username: string };
	issueGoHighLevelSession(options?: { locationId?: string }): string;
	advanceClock(ms: number): number;
	stats(): SandboxStats;
}

function providerParam(value: string): ProviderName {
	if (!isProviderName(value)) throw new HttpError(400, { error: `Unknown provider ${value}` });
	return value;
}

function tokenProviderParam(value: string): TokenProvider {
	if (!isTokenProvider(value)) throw new HttpError(400, { error: `${value} has no tokens: it authenticates with API keys` });
	return value;
}

export function controlRouter(target: ControlTarget): Router {
	const ok = () => json({ ok: true });
	return new Router()
		.get('/health', () => json({ ok: true, url: target.url }))
		.get('/log', (ctx) =>
			json(
				target.requests({
					provider: ctx.query.has('provider') ? providerParam(ctx.query.get('provider') ?? '') : undefined,
					api: optString(ctx.query.get('api')) as ApiName | undefined,
					method: optString(ctx.query.get('method')),
					pathIncludes: optString(ctx.query.get('pathIncludes')),
					since: optNumber(ctx.query.get('since')),
				}),
			),
		)
		.delete('/log', () => {
			target.clearLog();
			return ok();
		})
		.post('/reset', () => {
			target.reset();
			return ok();
		})
		.get('/config', () => json(target.config))
		.post('/config', (ctx) => json(target.configure(bodyRecord(ctx.body) as DeepPartial<SandboxConfig>)))
		.get('/state/:provider', (ctx) => json(target.dumpState(providerParam(ctx.params.provider))))
		.post('/seed/:provider', (ctx) => {
			target.seed(providerParam(ctx.params.provider), ctx.body);
			return ok();
		})
		.post('/tokens/:provider/expire', (ctx) => {
			target.expireTokens(tokenProviderParam(ctx.params.provider));
			return ok();
		})
		.post('/tokens/:provider/revoke', (ctx) => {
			target.revokeTokens(tokenProviderParam(ctx.params.provider));
			return ok();
		})
		.get('/zoominfo/pki', () => json(target.zoomInfoPki()))
		.post('/ghl/session', (ctx) =>
			json({ tokenId: target.issueGoHighLevelSession({ locationId: optString(bodyRecord(ctx.body).locationId) }) }),
		)
		.post('/clock', (ctx) => json({ now: target.advanceClock(optNumber(bodyRecord(ctx.body).advanceMs) ?? 0) }))
		.get('/stats', () => json(target.stats()));
}
