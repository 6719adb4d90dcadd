import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { stopChild } from '../stop-child';

/**
 * What n8n's queue mode shares between its processes: PostgreSQL (workflows, credentials, executions,
 * static data) and Redis (the job queue). Both come from Debian's packages, run on loopback ports out of
 * throw-away folders, and are stopped by whoever started them.
 */

const POSTGRES_ROOT = '/usr/lib/postgresql';

function postgresBin(): string | undefined {
	if (!existsSync(POSTGRES_ROOT)) return undefined;
	const version = readdirSync(POSTGRES_ROOT)
		.sort((a, b) => Number(a) - Number(b))
		.pop();
	const bin = version && join(POSTGRES_ROOT, version, 'bin');
	return bin && existsSync(join(bin, 'postgres')) ? bin : undefined;
}

function hasRedis(): boolean {
	try {
		execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Installs the servers from Debian's packages when they are missing (CI runs as root). */
export function ensureServers(): void {
	const missing = [...(postgresBin() ? [] : ['postgresql']), ...(hasRedis() ? [] : ['redis-server'])];
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0)
		throw new Error(`queue mode needs ${missing.join(' and ')}: run apt-get install ${missing.join(' ')} as root`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

export async function waitForPort(port: number, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise<boolean>((done) => {
			const socket = createConnection({ host: '127.0.0.1', port }, () => {
				socket.end();
				done(true);
			});
			socket.on('error', () => done(false));
		});
		if (open) return;
		if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs / 1000} s`);
		await new Promise((done) => setTimeout(done, 200));
	}
}

export interface Service {
	port: number;
	stop(): Promise<void>;
}

const runsAsRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, its folder belongs to Debian's `postgres` user, who runs it. */
function asPostgres(command: string, args: string[]): [string, string[]] {
	return runsAsRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export async function startPostgres(port: number, database: string): Promise<Service> {
	const bin = postgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed');
	const dir = mkdtempSync(join(tmpdir(), 'n8n-b2b-pg-'));
	if (runsAsRoot()) {
		const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, id('-u'), id('-g'));
	}
	const data = join(dir, 'data');
	execFileSync(...asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']), { stdio: 'ignore' });
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
	const pgCtl = (args: string[]) => execFileSync(...asPostgres(join(bin, 'pg_ctl'), ['-D', data, ...args]), { stdio: 'ignore' });
	pgCtl(['-l', join(dir, 'server.log'), '-o', options, '-w', 'start']);
	execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database], { stdio: 'pipe' });
	return {
		port,
		stop: async () => {
			pgCtl(['-m', 'fast', '-w', 'stop']);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

export async function startRedis(port: number): Promise<Service> {
	const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
		stdio: 'ignore',
	});
	await waitForPort(port);
	return { port, stop: async () => await stopChild(server, 'SIGTERM', 10_000) };
}
