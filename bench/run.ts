/**
 * `npm run bench`: runs every benchmark (or those named on the command line), prints each table and
 * writes them all to bench/RESULTS.md with the command and the machine that produced them.
 */
import '../test/setup-env';

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { dailySchedule } from './daily-schedule';
import { enrichment } from './enrichment';
import { haloPsaSync } from './halopsa-sync';
import { queueTokens } from './queue-tokens';
import { rateLimits } from './rate-limits';
import { webhookThroughput } from './webhook-throughput';
import { markdownTable } from './report';
import type { Benchmark, BenchSection } from './report';

const BENCHMARKS: Record<string, Benchmark> = {
	sync: haloPsaSync,
	enrichment,
	dailySchedule,
	rateLimits,
	queueTokens,
	webhooks: webhookThroughput,
};

function machine(): string {
	const cpu = cpus();
	const commit = (() => {
		try {
			return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
		} catch {
			return 'unknown';
		}
	})();
	return (
		`${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
		`${process.platform}; commit ${commit}`
	);
}

function render(section: BenchSection): string {
	const targets = section.targets.map(
		(target) => `- ${target.met ? 'met' : '**missed**'}: ${target.name}: wanted ${target.wanted}, measured ${target.measured}`,
	);
	return [
		`## ${section.title}`,
		'',
		markdownTable(section.columns, section.rows),
		'',
		...targets,
		'',
		...section.notes.map((note) => `- ${note}`),
	].join('\n');
}

async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);
	const unknown = names.filter((name) => !(name in BENCHMARKS));
	if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
	const started = new Date();
	const sections: string[] = [];
	for (const name of names) {
		const section = await BENCHMARKS[name]();
		const text = render(section);
		console.log(`\n${text}\n`);
		sections.push(text);
	}
	const command = `npm run bench${wanted.length > 0 ? ` -- ${wanted.join(' ')}` : ''}`;
	const header = [
		'# Benchmark results',
		'',
		`Produced by \`${command}\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, in ` +
			`${Math.round((Date.now() - started.getTime()) / 1000)} s.`,
		'',
		`Machine: ${machine()}.`,
		'',
	];
	writeFileSync(join(__dirname, 'RESULTS.md'), [...header, ...sections].join('\n') + '\n');
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
