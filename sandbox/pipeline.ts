/**
 * One provider request from arrival to log entry: route, parse, latency, faults, handler, answer.
 * Kept apart from server.ts so the order of those steps is readable in one place.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxConfig } from './config';
import type { ApiRouters, ProviderModule, RateLimitedReply } from './core';
import { PROVIDER_PREFIX } from './defaults';
import type { FaultDecision, FaultInjector } from './faults';
import { HttpError, parseBody, queryObject, readBody, sendReply, type Reply } from './http-util';
import type { RequestLog } from './log';
import type { RequestContext } from './router';
import { API_PROVIDER, type ApiName, type ProviderName } from './types';

export interface PipelineDeps {
	routers: ApiRouters;
	providers: Record<ProviderName, ProviderModule>;
	faults: FaultInjector;
	log: RequestLog;
	config(): SandboxConfig;
	now(): number;
	sleep(ms: number): Promise<void>;
	origin(): string;
}

/** Longest prefix first, so `/ghl-v2` is not taken for `/ghl`. */
const API_PREFIXES = (Object.keys(API_PROVIDER) as ApiName[])
	.map((api) => [api, PROVIDER_PREFIX[api]] as const)
	.sort((a, b) => b[1].length - a[1].length);

export function findApi(path: string): { api: ApiName; subPath: string } | undefined {
	for (const [api, prefix] of API_PREFIXES) {
		if (path === prefix || path.startsWith(`${prefix}/`)) return { api, subPath: path.slice(prefix.length) || '/' };
	}
	return undefined;
}

function errorReply(status: 500 | 502 | 503): Reply {
	// Gateways answer 502 with HTML, which clients must survive without a JSON parse error.
	if (status === 502) return { status, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html' };
	return { status, body: { error: status === 500 ? 'Internal Server Error' : 'Service Unavailable' } };
}

/** What a fault answers instead of the handler; undefined when the handler must run. */
function faultReply(decision: FaultDecision, rateLimited: RateLimitedReply): Reply | undefined {
	switch (decision.kind) {
		case 'error5xx':
			return errorReply(decision.status);
		case 'burst429': {
			const refusal = rateLimited(1000).toReply();
			return { ...refusal, headers: { ...refusal.headers, 'retry-after': '1' } };
		}
		case 'drop':
			// Never sent: status 0 is what the log records for a dropped socket.
			return { status: 0 };
		default:
			return undefined;
	}
}

export async function handleProviderRequest(
	deps: PipelineDeps,
	req: IncomingMessage,
	res: ServerResponse,
	api: ApiName,
	subPath: string,
	query: URLSearchParams,
): Promise<void> {
	const started = performance.now();
	const at = deps.now();
	const provider = deps.providers[API_PROVIDER[api]];
	const method = req.method ?? 'GET';
	const raw = await readBody(req);
	const ctx: { -readonly [K in keyof RequestContext]: RequestContext[K] } = {
		api,
		method,
		path: subPath,
		params: {},
		query,
		headers: req.headers,
		body: undefined,
		origin: deps.origin(),
	};
	let reply: Reply;
	let decision: FaultDecision = { kind: 'none' };
	try {
		const match = deps.routers[api].match(method, subPath);
		if (!match) throw new HttpError(404, { error: 'Not Found', message: `No route for ${method} ${subPath}` });
		ctx.params = match.params;
		ctx.body = parseBody(raw, req.headers['content-type']);
		const config = deps.config();
		const latency = config.providerLatencyMs[provider.name] ?? config.latencyMs;
		if (latency > 0) await deps.sleep(latency);
		if (!match.route.auth || config.faults.includeAuth) {
			const outcome = deps.faults.decide(provider.name);
			if (outcome.revokeTokens) provider.revokeTokens?.();
			// Only a write can be "carried out, answer lost"; a read so drawn is answered normally.
			decision =
				outcome.decision.kind === 'dropAfterWrite' && (method === 'GET' || method === 'HEAD') ? { kind: 'none' } : outcome.decision;
		}
		reply = faultReply(decision, provider.rateLimited) ?? (await match.route.handler(ctx));
	} catch (error) {
		reply = error instanceof HttpError ? error.toReply() : { status: 500, body: { error: 'Sandbox error', message: String(error) } };
	}
	if (decision.kind === 'drop' || decision.kind === 'dropAfterWrite') req.socket.destroy();
	else sendReply(res, reply);
	deps.log.add({
		at,
		provider: provider.name,
		api,
		method,
		path: subPath,
		query: queryObject(query),
		headers: { ...req.headers },
		body: ctx.body,
		status: reply.status,
		fault: decision.kind === 'none' ? undefined : decision.kind,
		credentialVia: ctx.credentialVia,
		durationMs: Math.round((performance.now() - started) * 100) / 100,
	});
}
