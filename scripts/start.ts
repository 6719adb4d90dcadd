/**
 * `npm start`: n8n with this package installed as a community package, next to the provider
 * sandbox, with the example workflows and sandbox credentials imported, at http://localhost:5678.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server';
import {
	ROOT,
	OWNER,
	ensureN8n,
	exampleFiles,
	importCredentials,
	importWorkflows,
	installPackage,
	n8nEnv,
	packPackage,
	setupOwner,
	startN8n,
} from './e2e/n8n-instance';
import { sandboxCredentialsFor } from './e2e/sandbox-credentials';

const PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 5699);
const HOME = process.env.N8N_B2B_HOME ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-halopsa-b2b', 'demo');
const say = (message: string) => process.stdout.write(`[start] ${message}\n`);

async function main(): Promise<void> {
	say('building the package');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	const tarball = packPackage(join(HOME, 'pack'));
	say(`packed ${tarball}`);
	const runtime = ensureN8n();

	const fresh = !existsSync(join(HOME, 'user', '.n8n', 'database.sqlite'));
	const userFolder = join(HOME, 'user');
	say("installing the package into n8n's community nodes folder");
	installPackage(userFolder, tarball);

	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	say(`provider sandbox at ${sandbox.url}`);
	const env = n8nEnv(userFolder, PORT);
	say('importing the sandbox credentials and the example workflows');
	await importCredentials(runtime, env, sandboxCredentialsFor(sandbox.url, sandbox.issueGoHighLevelSession()));
	await importWorkflows(runtime, env, exampleFiles());

	say('starting n8n');
	const n8n = await startN8n(runtime, env, PORT);
	if (fresh) await setupOwner(n8n.url);
	say(`ready: ${n8n.url}  (owner: ${OWNER.email} / ${OWNER.password})`);
	say('Ctrl+C stops n8n and the sandbox');
	n8n.process.stdout?.pipe(process.stdout);
	n8n.process.stderr?.pipe(process.stderr);

	const shutdown = async () => {
		await n8n.stop();
		await sandbox.stop();
		rmSync(join(HOME, 'pack'), { recursive: true, force: true });
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
