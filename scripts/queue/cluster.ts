import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import {
	ensureN8n,
	freshUserFolder,
	importAndPublish,
	installPackage,
	n8nEnv,
	packPackage,
	setupOwner,
	startN8n,
	type N8nCommand,
	type N8nRuntime,
	type RunningN8n,
} from '../e2e/n8n-instance';
import type { ImportedCredential } from '../e2e/sandbox-credentials';
import { ensureServers, startPostgres, startRedis, type Service } from './services';

/**
 * n8n in queue mode on one machine, as production spreads it over several: one main process (editor,
 * API, schedules), workers that run the executions, and webhook processes that take production webhook
 * calls, sharing PostgreSQL and Redis. Each process has its own user folder holding the package, as
 * separate machines or containers would.
 */

export interface QueueProcess {
	command: N8nCommand;
	/** `main`, `worker-1`, `webhook-2`... */
	name: string;
	/** The HTTP port: the editor for main, production webhooks for a webhook process, /healthz for a worker. */
	port: number;
	env: NodeJS.ProcessEnv;
	running: RunningN8n;
}

export interface QueueCluster {
	runtime: N8nRuntime;
	main: QueueProcess;
	workers: QueueProcess[];
	webhooks: QueueProcess[];
	/** The owner's session cookie on main, for the REST API. */
	cookie: string;
	/** Stops the process (SIGTERM, or the signal given, e.g. SIGKILL) and starts it again. */
	restart(process: QueueProcess, signal?: NodeJS.Signals): Promise<void>;
	/** Everything every process printed, for the secret checks. */
	logs(): string;
	stop(): Promise<void>;
}

export interface QueueClusterOptions {
	/** Ports from here on: PostgreSQL, Redis, then main, the webhook processes and the workers. */
	basePort: number;
	workers?: number;
	webhooks?: number;
	credentials: ImportedCredential[];
	workflows: Array<{ id: unknown }>;
	/** Extra environment for every process. */
	env?: Record<string, string>;
}

const ENCRYPTION_KEY = 'n8n-nodes-halopsa-b2b-queue-key';

/** What every process of one queue-mode n8n shares: the database, the queue and the encryption key. */
function queueEnv(postgres: Service, redis: Service, extra: Record<string, string>): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'postgres',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		// A worker reports itself on /healthz at QUEUE_HEALTH_CHECK_PORT; only workers read these.
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		...extra,
	};
}

export async function startQueueCluster(options: QueueClusterOptions): Promise<QueueCluster> {
	ensureServers();
	const runtime = ensureN8n();
	const base = options.basePort;
	const postgres = await startPostgres(base, 'n8n');
	const redis = await startRedis(base + 1);
	const shared = queueEnv(postgres, redis, options.env ?? {});
	const root = freshUserFolder('n8n-b2b-queue-');
	const tarball = packPackage(join(root, 'pack'));

	const webhookCount = options.webhooks ?? 2;
	const layout: Array<{ command: N8nCommand; name: string; port: number }> = [
		{ command: 'start', name: 'main', port: base + 10 },
		...Array.from({ length: webhookCount }, (_, index) => ({
			command: 'webhook' as const,
			name: `webhook-${index + 1}`,
			port: base + 11 + index,
		})),
		...Array.from({ length: options.workers ?? 2 }, (_, index) => ({
			command: 'worker' as const,
			name: `worker-${index + 1}`,
			port: base + 21 + index,
		})),
	];
	const envs = new Map<string, NodeJS.ProcessEnv>();
	for (const [index, entry] of layout.entries()) {
		const folder = join(root, entry.name);
		mkdirSync(folder, { recursive: true });
		// Installed once with npm, then copied: every process holds the same community package.
		if (index === 0) installPackage(folder, tarball);
		else cpSync(join(root, layout[0].name, '.n8n', 'nodes'), join(folder, '.n8n', 'nodes'), { recursive: true });
		envs.set(entry.name, n8nEnv(folder, entry.port, { ...shared, QUEUE_HEALTH_CHECK_PORT: String(entry.port) }));
	}

	await importAndPublish(runtime, envs.get('main') as NodeJS.ProcessEnv, options.credentials, options.workflows);

	const output: string[] = [];
	const launch = async (entry: (typeof layout)[number]): Promise<QueueProcess> => {
		const env = envs.get(entry.name) as NodeJS.ProcessEnv;
		const running = await startN8n(runtime, env, entry.port, (chunk) => output.push(chunk), entry.command);
		return { ...entry, env, running };
	};
	// Main first: it migrates the database that the others read.
	const main = await launch(layout[0]);
	const others = await Promise.all(layout.slice(1).map(launch));
	const cookie = await setupOwner(main.running.url);
	const processes = [main, ...others];

	return {
		runtime,
		main,
		webhooks: others.filter((process) => process.command === 'webhook'),
		workers: others.filter((process) => process.command === 'worker'),
		cookie,
		restart: async (process, signal) => {
			if (signal === undefined) await process.running.stop();
			else {
				const exited = new Promise((done) => process.running.process.once('exit', done));
				process.running.process.kill(signal);
				await exited;
			}
			process.running = (await launch(process)).running;
		},
		logs: () => output.join(''),
		stop: async () => {
			await Promise.all(processes.map(async (process) => await process.running.stop()));
			await redis.stop();
			await postgres.stop();
			rmSync(root, { recursive: true, force: true });
		},
	};
}
