/** A tiny method + path-pattern router: `/contacts/:id/tags` style patterns, exact segment counts. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './http-util';
import type { ApiName } from './types';

export interface RequestContext {
	/** `control` for the sandbox's own `/_sandbox` routes. */
	readonly api: ApiName | 'control';
	readonly method: string;
	/** Path below the API prefix, e.g. `/api/Client/3`. */
	readonly path: string;
	readonly params: Record<string, string>;
	readonly query: URLSearchParams;
	readonly headers: IncomingHttpHeaders;
	readonly body: unknown;
	/** The sandbox's own base URL, for links the provider hands out (auth_url, Thrio's location). */
	readonly origin: string;
	/** Set by a provider's auth check: how the credential came (header, query, body), for the log. */
	credentialVia?: string;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface RouteOptions {
	/** Login and token endpoints: spared by faults unless `faults.includeAuth`. */
	auth?: boolean;
}

export interface Route {
	method: string;
	segments: string[];
	handler: Handler;
	auth: boolean;
}

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

function split(path: string): string[] {
	return path.split('/').filter((segment) => segment !== '');
}

export class Router {
	private readonly routes: Route[] = [];

	add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): this {
		this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler, auth: options.auth ?? false });
		return this;
	}

	get(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('GET', pattern, handler, options);
	}

	post(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('POST', pattern, handler, options);
	}

	put(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('PUT', pattern, handler, options);
	}

	delete(pattern: string, handler: Handler, options?: RouteOptions): this {
		return this.add('DELETE', pattern, handler, options);
	}

	/** Literal segments win over parameters, so `/Agent/me` beats `/Agent/:id` whatever the order. */
	match(method: string, path: string): RouteMatch | undefined {
		const parts = split(path);
		let best: { match: RouteMatch; literals: number } | undefined;
		for (const route of this.routes) {
			if (route.method !== method.toUpperCase() || route.segments.length !== parts.length) continue;
			const params: Record<string, string> = {};
			let literals = 0;
			const ok = route.segments.every((segment, index) => {
				if (segment.startsWith(':')) {
					params[segment.slice(1)] = decodeURIComponent(parts[index]);
					return true;
				}
				literals++;
				return segment === parts[index];
			});
			if (ok && (!best || literals > best.literals)) best = { match: { route, params }, literals };
		}
		return best?.match;
	}
}
