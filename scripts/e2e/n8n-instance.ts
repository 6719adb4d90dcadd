import { execFile, execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { stopChild } from '../stop-child';
import type { ImportedCredential } from './sandbox-credentials';

export const ROOT = resolve(__dirname, '..', '..');

export interface N8nRuntime {
	node: string;
	n8n: string;
}

/** Node 24 and n8n from the cache outside the repository, installed there on first use. */
export function ensureN8n(): N8nRuntime {
	const out = execFileSync('bash', [join(ROOT, 'scripts', 'n8n-install.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	const vars = Object.fromEntries(
		out
			.trim()
			.split('\n')
			.map((line) => line.split('=', 2) as [string, string]),
	);
	return { node: vars.NODE24, n8n: vars.N8N_BIN };
}

/** `npm pack` of the built package: exactly what the registry would serve. */
export function packPackage(into: string): string {
	mkdirSync(into, { recursive: true });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', into], { cwd: ROOT, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop() as string;
	return join(into, name);
}

/**
 * Installs the tarball where the editor's Community Nodes installs packages: the user folder's
 * `.n8n/nodes`, listed in its package.json. Peer dependencies are left out, as n8n does: the
 * package must use n8n's own n8n-workflow, or its errors would not be n8n's errors.
 */
export function installPackage(userFolder: string, tarball: string): void {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	execFileSync(
		'npm',
		['install', '--prefix', nodesDir, '--omit=dev', '--omit=peer', '--no-audit', '--no-fund', '--loglevel=error', tarball],
		{ stdio: 'inherit' },
	);
}

export function n8nEnv(userFolder: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		// A test runner's NODE_ENV=test makes n8n's CLI silently do nothing.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_HOST: 'localhost',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-halopsa-b2b-local-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		// The task broker listens even with runners off, by default on 5679: keep it beside this n8n's port.
		N8N_RUNNERS_BROKER_PORT: String(port + 100),
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info',
		DB_TYPE: 'sqlite',
		...extra,
	};
}

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs an n8n CLI command without blocking: the sandbox it talks to may live in this very process
 * and must keep answering while the command runs.
 */
export async function n8nCli(runtime: N8nRuntime, env: NodeJS.ProcessEnv, args: string[]): Promise<CliResult> {
	return await new Promise((done) => {
		execFile(runtime.node, [runtime.n8n, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			done({ code: error ? Number((error as { code?: unknown }).code ?? 1) || 1 : 0, stdout, stderr });
		});
	});
}

async function checkedCli(runtime: N8nRuntime, env: NodeJS.ProcessEnv, args: string[]): Promise<CliResult> {
	const result = await n8nCli(runtime, env, args);
	if (result.code !== 0)
		throw new Error(`n8n ${args[0]} failed (${result.code}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
	return result;
}

export async function importCredentials(runtime: N8nRuntime, env: NodeJS.ProcessEnv, credentials: ImportedCredential[]): Promise<void> {
	const file = join(mkdtempSync(join(tmpdir(), 'n8n-b2b-creds-')), 'credentials.json');
	writeFileSync(file, JSON.stringify(credentials));
	try {
		await checkedCli(runtime, env, ['import:credentials', `--input=${file}`]);
	} finally {
		rmSync(file, { force: true });
	}
}

export async function importWorkflows(runtime: N8nRuntime, env: NodeJS.ProcessEnv, files: string[]): Promise<void> {
	const file = join(mkdtempSync(join(tmpdir(), 'n8n-b2b-wf-')), 'workflows.json');
	writeFileSync(file, JSON.stringify(files.map((path) => JSON.parse(readFileSync(path, 'utf8')))));
	await checkedCli(runtime, env, ['import:workflow', `--input=${file}`]);
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	/** Everything n8n printed, for the secret checks. */
	log(): string;
	stop(): Promise<void>;
}

/** The processes of n8n's CLI that serve: `start` (the editor, API and triggers), and queue mode's `worker` and `webhook`. */
export type N8nCommand = 'start' | 'worker' | 'webhook';

/**
 * What answers once a process is ready: the REST API for `start`, /healthz/readiness for the others (a worker's on
 * its health port). /healthz answers as soon as the port listens, and a webhook process then answers a webhook call
 * 200 "n8n is starting up. Please wait", or 404 before its webhook routes are mounted, without running anything.
 */
function readinessUrls(command: N8nCommand, url: string): string[] {
	return command === 'start' ? [`${url}/healthz`, `${url}/rest/settings`] : [`${url}/healthz/readiness`];
}

export async function startN8n(
	runtime: N8nRuntime,
	env: NodeJS.ProcessEnv,
	port: number,
	onOutput?: (chunk: string) => void,
	command: N8nCommand = 'start',
): Promise<RunningN8n> {
	const child = spawn(runtime.node, [runtime.n8n, command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const collect = (chunk: Buffer) => {
		output += chunk.toString();
		onOutput?.(chunk.toString());
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const url = `http://localhost:${port}`;
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n ${command} exited with ${child.exitCode}:\n${output.slice(-4000)}`);
		try {
			// /healthz answers before the REST API is mounted; /rest/settings only once it is.
			const answers = await Promise.all(readinessUrls(command, url).map(async (probe) => (await fetch(probe)).ok));
			if (answers.every(Boolean)) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`n8n ${command} did not come up within 3 minutes:\n${output.slice(-4000)}`);
		await new Promise((done) => setTimeout(done, 500));
	}
	return {
		url,
		process: child,
		log: () => output,
		stop: async () => await stopChild(child, 'SIGTERM', 15_000),
	};
}

/** Runs a workflow with the CLI (`n8n execute`), returning n8n's raw execution JSON. */
export async function executeWorkflow(
	runtime: N8nRuntime,
	env: NodeJS.ProcessEnv,
	id: string,
): Promise<{ result: CliResult; execution?: ExecutionJson }> {
	const result = await n8nCli(runtime, env, ['execute', `--id=${id}`, '--rawOutput']);
	const start = result.stdout.indexOf('{');
	const end = result.stdout.lastIndexOf('}');
	let execution: ExecutionJson | undefined;
	try {
		execution = start >= 0 ? (JSON.parse(result.stdout.slice(start, end + 1)) as ExecutionJson) : undefined;
	} catch {
		execution = undefined;
	}
	return { result, execution };
}

export interface ExecutionJson {
	status: string;
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
			error?: { message: string };
		};
	};
}

/** The items a node's first run put out of one output: 0 is its main output, 1 its error output when it has one. */
export function nodeOutput(execution: ExecutionJson | undefined, node: string, output = 0): Array<Record<string, unknown>> {
	return execution?.data.resultData.runData[node]?.[0]?.data?.main?.[output]?.map((item) => item.json) ?? [];
}

export const OWNER = { email: 'owner@example.com', password: 'Sandbox-Owner-2026', firstName: 'Sandbox', lastName: 'Owner' };

/** The owner account a fresh n8n asks for; returns the session cookie. */
export async function setupOwner(url: string): Promise<string> {
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!setup.ok && setup.status !== 400) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
	return await login(url);
}

export async function login(url: string): Promise<string> {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
	const cookie = response.headers.get('set-cookie') ?? '';
	return cookie.split(';')[0];
}

export function freshUserFolder(prefix: string): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

export function exampleFiles(): string[] {
	const dir = join(ROOT, 'examples');
	return existsSync(dir)
		? readdirSync(dir)
				.filter((file) => file.endsWith('.json'))
				.sort()
				.map((file) => join(dir, file))
		: [];
}

/** n8n's own Webhook node, answering at once: a POST to `/webhook/<path>` runs its workflow (on a worker in queue mode). */
export function webhookNode(name: string, path: string, parameters: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: `${path}-webhook`,
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 200],
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', ...parameters },
	};
}

/** An example workflow as shipped, under another id, also started by n8n's Webhook node at `path`, wired to `firstNode`. */
export function exampleStartedByWebhook(
	file: string,
	id: string,
	path: string,
	firstNode: string,
): { id: string } & Record<string, unknown> {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as {
		id: string;
		nodes: unknown[];
		connections: Record<string, unknown>;
	};
	workflow.id = id;
	workflow.nodes.push(webhookNode('Start', path));
	workflow.connections.Start = { main: [[{ node: firstNode, type: 'main', index: 0 }]] };
	return workflow;
}

/** A workflow of one of the package's webhook triggers followed by a No Op. */
export function triggerWorkflow(
	id: string,
	webhookId: string,
	trigger: { type: string; parameters: Record<string, unknown>; credentials?: Record<string, { id: string; name: string }> },
): { id: string } & Record<string, unknown> {
	return {
		id,
		name: `${trigger.type} ${webhookId}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Trigger',
				type: `n8n-nodes-halopsa-b2b.${trigger.type}`,
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: trigger.parameters,
				...(trigger.credentials ? { credentials: trigger.credentials } : {}),
			},
			{ id: `${id}-noop`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [240, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
	};
}

/**
 * A workflow whose trigger is the package's Signed Webhook Trigger. By default the generic
 * X-Webhook-Signature scheme (hex HMAC-SHA256 of `{timestamp}.{body}`, 300 s tolerance), refusing
 * a repeated body `id` inside the window: what the fuzz and the throughput benchmark run.
 */
export function signedWebhookWorkflow(
	id: string,
	webhookId: string,
	credential: { id: string; name: string },
	parameters: Record<string, unknown> = { preset: 'seedGeneric', options: { eventIdBodyField: 'id' } },
): { id: string } & Record<string, unknown> {
	return triggerWorkflow(id, webhookId, { type: 'signedWebhookTrigger', parameters, credentials: { b2bWebhookSecretApi: credential } });
}

/** Imports the credentials and the workflows (given as objects) into the database `env` points at, and publishes the workflows. */
export async function importAndPublish(
	runtime: N8nRuntime,
	env: NodeJS.ProcessEnv,
	credentials: ImportedCredential[],
	workflows: Array<{ id: unknown }>,
): Promise<void> {
	await importCredentials(runtime, env, credentials);
	const file = join(mkdtempSync(join(tmpdir(), 'n8n-b2b-wf-')), 'workflows.json');
	writeFileSync(file, JSON.stringify(workflows));
	await checkedCli(runtime, env, ['import:workflow', `--input=${file}`]);
	for (const workflow of workflows) await checkedCli(runtime, env, ['publish:workflow', `--id=${String(workflow.id)}`]);
}

export interface ActiveN8n {
	n8n: RunningN8n;
	runtime: N8nRuntime;
	env: NodeJS.ProcessEnv;
	/** The owner's session cookie, for the REST API. */
	cookie: string;
}

/**
 * A fresh n8n with the packed package installed (build first), the credentials and workflows
 * imported, the workflows published, started on `port`, with the owner set up.
 */
export async function startN8nWithWorkflows(options: {
	prefix: string;
	port: number;
	env?: Record<string, string>;
	credentials: ImportedCredential[];
	workflows: Array<{ id: unknown }>;
}): Promise<ActiveN8n> {
	const userFolder = freshUserFolder(options.prefix);
	const tarball = packPackage(join(userFolder, 'pack'));
	const runtime = ensureN8n();
	installPackage(userFolder, tarball);
	const env = n8nEnv(userFolder, options.port, options.env);
	await importAndPublish(runtime, env, options.credentials, options.workflows);
	const n8n = await startN8n(runtime, env, options.port);
	return { n8n, runtime, env, cookie: await setupOwner(n8n.url) };
}

/** Waits until a production webhook URL is registered: it answers 404 until activation finishes. */
export async function webhookRegistered(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while ((await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status === 404) {
		if (Date.now() > deadline) throw new Error(`${url} is still not registered after ${timeoutMs / 1000} s`);
		await new Promise((done) => setTimeout(done, 500));
	}
}
