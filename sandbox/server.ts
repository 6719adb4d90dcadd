/**
 * The provider sandbox: one HTTP server on 127.0.0.1 speaking HaloPSA, Apollo, ZoomInfo, Hunter,
 * UpLead, GoHighLevel and Thrio under the prefixes of defaults.ts, plus the `/_sandbox` control API.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloProvider } from './apollo';
import { deepMerge, defaultConfig, type DeepPartial, type SandboxConfig } from './config';
import { controlRouter, type ControlTarget, type SandboxStats } from './control';
import type { ApiRouters, ProviderModule, SandboxCore } from './core';
import { PROVIDER_PREFIX } from './defaults';
import { FaultInjector } from './faults';
import { seedFixtures, type SeedCompany, type SeedPerson } from './fixture-seed';
import { generateDataset, type Dataset, type FixtureCompany, type FixturePerson } from './fixtures';
import { GoHighLevelProvider } from './gohighlevel';
import { HaloPsaProvider } from './halopsa';
import { HttpError, parseBody, readBody, sendReply } from './http-util';
import { HunterProvider } from './hunter';
import { RequestLog, type LogEntry, type LogFilter } from './log';
import { findApi, handleProviderRequest } from './pipeline';
import { FixedWindowLimiter } from './rate-limit';
import { Router } from './router';
import { ThrioProvider } from './thrio';
import { API_PROVIDER, PROVIDERS, type ApiName, type ProviderName, type TokenProvider } from './types';
import { UpLeadProvider } from './uplead';
import { ZoomInfoProvider } from './zoominfo';

export type { DeepPartial, SandboxConfig } from './config';
export type { SandboxStats } from './control';
export type { LogEntry, LogFilter } from './log';
export type { ApiName, ProviderName, TokenProvider } from './types';
export type { ApolloState } from './apollo';
export type { SeedCompany, SeedPerson } from './fixture-seed';
export type { Dataset, FixtureCompany, FixturePerson } from './fixtures';
export type { GhlAppointment, GhlContact, GhlNote, GhlOpportunity, GhlTask } from './gohighlevel';
export type { GhlState, LocationStore } from './gohighlevel-store';
export type { HaloRecord } from './halopsa';
export type { HaloState } from './halopsa-entities';
export type { HunterState } from './hunter';
export type { ThrioLead, ThrioObject, ThrioSms } from './thrio';
export type { ThrioState } from './thrio-store';
export type { UpLeadState } from './uplead';
export type { WebhookDelivery } from './webhooks';
export type { ZoomInfoState } from './zoominfo';

export interface SandboxOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** Merged over the defaults; `reset()` comes back to this, not to the bare defaults. */
	config?: DeepPartial<SandboxConfig>;
	/** Time for windows, tokens and latency; benchmarks pass the simulated clock their client uses. */
	clock?: SandboxClock;
}

export interface SandboxClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const systemClock: SandboxClock = { now: () => Date.now(), sleep: async (ms) => await new Promise((resolve) => setTimeout(resolve, ms)) };

export class Sandbox implements ControlTarget {
	readonly haloPsa: HaloPsaProvider;
	readonly apollo: ApolloProvider;
	readonly zoomInfo: ZoomInfoProvider;
	readonly hunter: HunterProvider;
	readonly upLead: UpLeadProvider;
	readonly goHighLevel: GoHighLevelProvider;
	readonly thrio: ThrioProvider;
	/** Typed access to each provider's stores and usage counters. */
	readonly state: {
		haloPsa: HaloPsaProvider['state'];
		apollo: ApolloProvider['state'];
		zoomInfo: ZoomInfoProvider['state'];
		hunter: HunterProvider['state'];
		upLead: UpLeadProvider['state'];
		goHighLevel: GoHighLevelProvider['state'];
		thrio: ThrioProvider['state'];
	};

	private currentConfig: SandboxConfig;
	private clockOffsetMs = 0;
	private fixtureCache: { key: string; dataset: Dataset } | undefined;
	private readonly providers: Record<ProviderName, ProviderModule>;
	private readonly routers: ApiRouters;
	private readonly control: Router;
	private readonly requestLog: RequestLog;
	private readonly faults: FaultInjector;
	private readonly core: SandboxCore;
	private origin = '';
	private server: Server | undefined;

	constructor(
		private readonly startConfig: SandboxConfig,
		private readonly clock: SandboxClock = systemClock,
	) {
		this.currentConfig = structuredClone(startConfig);
		this.core = {
			config: () => this.currentConfig,
			now: () => this.clock.now() + this.clockOffsetMs,
			dataset: () => this.dataset(),
			limiter: new FixedWindowLimiter(),
			jwtSecret: randomBytes(32).toString('hex'),
		};
		this.requestLog = new RequestLog(() => this.currentConfig.logLimit);
		this.faults = new FaultInjector(() => this.currentConfig.faults);
		this.haloPsa = new HaloPsaProvider(this.core);
		this.apollo = new ApolloProvider(this.core);
		this.zoomInfo = new ZoomInfoProvider(this.core);
		this.hunter = new HunterProvider(this.core);
		this.upLead = new UpLeadProvider(this.core);
		this.goHighLevel = new GoHighLevelProvider(this.core);
		this.thrio = new ThrioProvider(this.core);
		this.providers = {
			haloPsa: this.haloPsa,
			apollo: this.apollo,
			zoomInfo: this.zoomInfo,
			hunter: this.hunter,
			upLead: this.upLead,
			goHighLevel: this.goHighLevel,
			thrio: this.thrio,
		};
		this.state = {
			haloPsa: this.haloPsa.state,
			apollo: this.apollo.state,
			zoomInfo: this.zoomInfo.state,
			hunter: this.hunter.state,
			upLead: this.upLead.state,
			goHighLevel: this.goHighLevel.state,
			thrio: this.thrio.state,
		};
		this.routers = Object.fromEntries((Object.keys(API_PROVIDER) as ApiName[]).map((api) => [api, new Router()])) as ApiRouters;
		for (const provider of PROVIDERS) this.providers[provider].register(this.routers);
		this.control = controlRouter(this);
	}

	get url(): string {
		return this.origin;
	}

	get port(): number {
		return Number(new URL(this.origin).port);
	}

	get config(): SandboxConfig {
		return this.currentConfig;
	}

	/** The live request log (oldest first). */
	get log(): readonly LogEntry[] {
		return this.requestLog.all;
	}

	/** The shared people/companies the data providers answer from. */
	get fixtures(): Dataset {
		return this.dataset();
	}

	/** Plants people and companies in the shared fixtures: Apollo, ZoomInfo, Hunter and UpLead all see them. */
	addFixtures(records: { companies?: SeedCompany[]; people?: SeedPerson[] }): { companies: FixtureCompany[]; people: FixturePerson[] } {
		return seedFixtures(this.dataset(), records);
	}

	baseUrl(api: keyof typeof PROVIDER_PREFIX): string {
		return `${this.origin}${PROVIDER_PREFIX[api]}`;
	}

	requests(filter?: LogFilter): LogEntry[] {
		return this.requestLog.filter(filter);
	}

	clearLog(): void {
		this.requestLog.clear();
	}

	configure(patch: DeepPartial<SandboxConfig>): SandboxConfig {
		this.currentConfig = deepMerge(this.currentConfig, patch);
		return this.currentConfig;
	}

	/** Stores, tokens, usage, log, counters, clock and config back to how the sandbox started. */
	reset(): void {
		this.currentConfig = structuredClone(this.startConfig);
		this.clockOffsetMs = 0;
		this.fixtureCache = undefined;
		this.core.limiter.clear();
		this.faults.reset();
		this.requestLog.reset();
		for (const provider of PROVIDERS) this.providers[provider].reset();
	}

	dumpState(provider: ProviderName): unknown {
		return this.providers[provider].dump();
	}

	seed(provider: ProviderName, records: unknown): void {
		this.providers[provider].seed(records);
	}

	expireTokens(provider: TokenProvider): void {
		this.providers[provider].expireTokens?.();
	}

	revokeTokens(provider: TokenProvider): void {
		this.providers[provider].revokeTokens?.();
	}

	zoomInfoPki(): { privateKeyPem: string; publicKeyPem: string; clientId: string; username: string } {
		const config = this.currentConfig.zoomInfo;
		return {
			privateKeyPem: this.zoomInfo.privateKeyPem,
			publicKeyPem: this.zoomInfo.publicKeyPem,
			clientId: config.clientId,
			username: config.username,
		};
	}

	issueGoHighLevelSession(options?: { locationId?: string }): string {
		return this.goHighLevel.issueSessionToken(options);
	}

	/** Moves the sandbox clock forward (token expiry, rate-limit windows); returns the new now. */
	advanceClock(ms: number): number {
		this.clockOffsetMs += ms;
		return this.core.now();
	}

	stats(): SandboxStats {
		return {
			requests: this.requestLog.requestCounts(),
			credits: Object.fromEntries(PROVIDERS.map((provider) => [provider, this.providers[provider].creditsUsed?.() ?? 0])) as Record<
				ProviderName,
				number
			>,
		};
	}

	private dataset(): Dataset {
		const key = JSON.stringify(this.currentConfig.fixtures);
		if (this.fixtureCache?.key !== key) this.fixtureCache = { key, dataset: generateDataset(this.currentConfig.fixtures) };
		return this.fixtureCache.dataset;
	}

	/** Starts listening on 127.0.0.1; `startSandbox` is the usual way in. */
	async listen(port = 0): Promise<void> {
		const server = createServer((req, res) => void this.handle(req, res));
		// Clients keep connections alive; a short timeout keeps stop() from waiting on idle sockets.
		server.keepAliveTimeout = 2000;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => resolve());
		});
		this.server = server;
		this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}

	stop(): Promise<void> {
		const server = this.server;
		if (!server) return Promise.resolve();
		this.server = undefined;
		return new Promise<void>((resolve, reject) => {
			server.close((error) => (error ? reject(error) : resolve()));
			server.closeAllConnections();
		});
	}

	private readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const controlPrefix = PROVIDER_PREFIX.control;
		try {
			if (url.pathname === controlPrefix || url.pathname.startsWith(`${controlPrefix}/`)) {
				await this.handleControl(req, res, url);
				return;
			}
			const found = findApi(url.pathname);
			if (!found) {
				sendReply(res, { status: 404, body: { error: 'Not Found', message: `No provider serves ${url.pathname}` } });
				return;
			}
			await handleProviderRequest(
				{
					routers: this.routers,
					providers: this.providers,
					faults: this.faults,
					log: this.requestLog,
					config: this.core.config,
					now: this.core.now,
					sleep: async (ms) => await this.clock.sleep(ms),
					origin: () => this.origin,
				},
				req,
				res,
				found.api,
				found.subPath,
				url.searchParams,
			);
		} catch (error) {
			if (!res.headersSent) sendReply(res, { status: 500, body: { error: 'Sandbox error', message: String(error) } });
		}
	};

	private async handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
		const subPath = url.pathname.slice(PROVIDER_PREFIX.control.length) || '/';
		const method = req.method ?? 'GET';
		try {
			const body = parseBody(await readBody(req), req.headers['content-type']);
			const match = this.control.match(method, subPath);
			if (!match) throw new HttpError(404, { error: 'Not Found', message: `No control route ${method} ${subPath}` });
			const reply = await match.route.handler({
				api: 'control',
				method,
				path: subPath,
				params: match.params,
				query: url.searchParams,
				headers: req.headers,
				body,
				origin: this.origin,
			});
			sendReply(res, reply);
		} catch (error) {
			sendReply(res, error instanceof HttpError ? error.toReply() : { status: 500, body: { error: String(error) } });
		}
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const sandbox = new Sandbox(deepMerge(defaultConfig(), options.config), options.clock);
	await sandbox.listen(options.port ?? 0);
	return sandbox;
}
