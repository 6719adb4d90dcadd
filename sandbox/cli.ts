/**
 * `tsx sandbox/cli.ts [--port N] [--latency MS] [--faults JSON] [--config JSON]`
 * Starts the sandbox for the end-to-end suite, benchmarks and the demo; prints one JSON line
 * `{"url": "...", "port": N}` on stdout when ready, then runs until SIGINT/SIGTERM.
 */
import type { DeepPartial, FaultConfig, SandboxConfig } from './config';
import { startSandbox } from './server';

function parseJson<T>(flag: string, text: string | undefined): T | undefined {
	if (text === undefined) return undefined;
	try {
		return JSON.parse(text) as T;
	} catch (error) {
		throw new Error(`--${flag} is not valid JSON: ${(error as Error).message}`);
	}
}

const FLAGS = ['port', 'latency', 'faults', 'config'] as const;

/** `--name value` pairs; anything else is a usage error. */
function parseFlags(args: string[]): Partial<Record<(typeof FLAGS)[number], string>> {
	const values: Partial<Record<(typeof FLAGS)[number], string>> = {};
	for (let i = 0; i < args.length; i += 2) {
		const name = args[i].replace(/^--/, '') as (typeof FLAGS)[number];
		if (!args[i].startsWith('--') || !FLAGS.includes(name) || args[i + 1] === undefined) {
			throw new Error(`usage: cli.ts [--port N] [--latency MS] [--faults JSON] [--config JSON] (bad argument ${args[i]})`);
		}
		values[name] = args[i + 1];
	}
	return values;
}

async function main(): Promise<void> {
	const values = parseFlags(process.argv.slice(2));
	const config: DeepPartial<SandboxConfig> = parseJson('config', values.config) ?? {};
	const faults = parseJson<DeepPartial<FaultConfig>>('faults', values.faults);
	if (faults) config.faults = { ...config.faults, ...faults };
	if (values.latency !== undefined) config.latencyMs = Number(values.latency);
	const sandbox = await startSandbox({ port: values.port === undefined ? 0 : Number(values.port), config });
	process.stdout.write(`${JSON.stringify({ url: sandbox.url, port: sandbox.port })}\n`);
	const shutdown = () => void sandbox.stop().then(() => process.exit(0));
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	process.stderr.write(`${String(error)}\n`);
	process.exit(1);
});
