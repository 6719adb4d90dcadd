/**
 * Benchmark 3: with the sandbox enforcing each provider's published limits, how close the transport's
 * pacing runs to the allowed rate, how many rate-limit refusals it meets, and whether any call fails.
 */
import { apolloProfile } from '../lib/sources/apollo/profile';
import { goHighLevelV2Profile } from '../lib/destinations/goHighLevel/profile';
import { haloPsaProfile } from '../lib/destinations/haloPsa/profile';
import { hunterProfile } from '../lib/sources/hunter/profile';
import { upLeadProfile } from '../lib/sources/upLead/profile';
import { zoomInfoProfile } from '../lib/sources/zoomInfo/profile';
import { sep } from 'node:path';

import * as transport from '../lib/transport';
import type { ProviderProfile, ProviderRequest, RateWindow } from '../lib/transport';
import { sandboxCredentials } from '../test/nodes/run';
import { providerContext } from '../test/harness/transport-context';
import { defaultConfig } from '../sandbox/config';
import { SANDBOX_CREDENTIALS } from '../sandbox/defaults';
import type { ProviderName, Sandbox } from '../sandbox/server';
import { duration } from './measure';
import { fmt } from './report';
import type { Benchmark, BenchSection } from './report';
import type { SimulatedClock } from '../test/harness/simulated-clock';
import { startSimulatedSandbox } from '../test/harness/simulated-sandbox';

const LATENCY_MS = 50;
/** Items in flight at once, as when n8n runs a node over many items. */
const CONCURRENCY = 4;
const MINUTE = 60_000;

interface Case {
	name: string;
	provider: ProviderName;
	profile: ProviderProfile;
	request: ProviderRequest;
	/** The provider's published windows, as the sandbox enforces them. */
	windows: RateWindow[];
	/** Simulated time to keep calling for: whole windows of the limit that binds. */
	durationMs: number;
	/** Statuses the provider uses to say "slow down". */
	refusal: number;
}

const PUBLISHED = defaultConfig().rateLimits;
const perMinute = (limit: number) => ({ limit, windowMs: MINUTE });

const CASES: Case[] = [
	{
		name: 'HaloPSA (450 / 5 min)',
		provider: 'haloPsa',
		profile: haloPsaProfile,
		request: { method: 'GET', path: '/Client', qs: { page_size: 1, pageinate: true, page_no: 1 } },
		windows: [{ limit: PUBLISHED.haloPsa.requests, windowMs: PUBLISHED.haloPsa.windowMs }],
		durationMs: 15 * MINUTE,
		refusal: 429,
	},
	{
		name: 'Apollo (200 / min, 6,000 / h)',
		provider: 'apollo',
		profile: apolloProfile,
		request: { method: 'GET', path: '/auth/health' },
		windows: [perMinute(PUBLISHED.apollo.perMinute), { limit: PUBLISHED.apollo.perHour, windowMs: 60 * MINUTE }],
		durationMs: 3 * MINUTE,
		refusal: 429,
	},
	{
		name: 'Apollo bulk match (20 / min, 600 / h)',
		provider: 'apollo',
		profile: apolloProfile,
		request: {
			method: 'POST',
			path: '/people/bulk_match',
			body: { details: [{ email: 'nobody@nowhere.example' }, { email: 'noone@nowhere.example' }] },
			idempotent: true,
			bucket: 'bulk',
		},
		windows: [
			perMinute(PUBLISHED.apollo.perMinute / PUBLISHED.apollo.bulkDivisor),
			{ limit: PUBLISHED.apollo.perHour / PUBLISHED.apollo.bulkDivisor, windowMs: 60 * MINUTE },
		],
		durationMs: 3 * MINUTE,
		refusal: 429,
	},
	{
		name: 'ZoomInfo (1,500 / min)',
		provider: 'zoomInfo',
		profile: zoomInfoProfile,
		request: { method: 'GET', path: '/lookup/usage' },
		windows: [perMinute(PUBLISHED.zoomInfo.perMinute)],
		durationMs: 3 * MINUTE,
		refusal: 429,
	},
	{
		name: 'Hunter (15 / s, 500 / min)',
		provider: 'hunter',
		profile: hunterProfile,
		request: { method: 'GET', path: '/account' },
		windows: [{ limit: PUBLISHED.hunter.perSecond, windowMs: 1000 }, perMinute(PUBLISHED.hunter.perMinute)],
		durationMs: 3 * MINUTE,
		refusal: 403,
	},
	{
		name: 'UpLead (500 / min)',
		provider: 'upLead',
		profile: upLeadProfile,
		request: { method: 'GET', path: '/credits' },
		windows: [perMinute(PUBLISHED.upLead.perMinute)],
		durationMs: 3 * MINUTE,
		refusal: 429,
	},
	{
		name: 'GoHighLevel v2 (100 / 10 s)',
		provider: 'goHighLevel',
		profile: goHighLevelV2Profile,
		request: { method: 'GET', path: `/locations/${SANDBOX_CREDENTIALS.goHighLevel.locationId}` },
		windows: [{ limit: PUBLISHED.goHighLevel.requests, windowMs: PUBLISHED.goHighLevel.windowMs }],
		durationMs: MINUTE,
		refusal: 429,
	},
];

/** The most a provider's fixed windows let through in `durationMs`: every window opened at once. */
function allowed(windows: RateWindow[], durationMs: number): number {
	return Math.min(...windows.map((window) => window.limit * Math.ceil(durationMs / window.windowMs)));
}

interface Outcome {
	done: number;
	failed: number;
	refused: number;
	allowed: number;
}

type Transport = typeof transport;

/**
 * The transport as a second queue-mode worker holds it: a fresh copy of the package's modules, so its
 * limiters, like a separate process's, know nothing of the first's. Only the provider's counter is shared.
 */
function workerTransport(clock: SimulatedClock): Transport {
	const ours = `${sep}lib${sep}`;
	for (const key of Object.keys(require.cache)) if (key.includes(ours)) delete require.cache[key];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const fresh = require('../lib/transport') as Transport;
	fresh.useTransportClock(clock);
	return fresh;
}

async function sustain(sandbox: Sandbox, clock: SimulatedClock, spec: Case, workers: Transport[]): Promise<Outcome> {
	sandbox.reset();
	clock.advance(2 * 3_600_000);
	const end = clock.now() + spec.durationMs;
	let done = 0;
	let failed = 0;
	await Promise.all(
		workers.flatMap((worker) => {
			const ctx = providerContext(spec.profile.credentialType, sandboxCredentials(sandbox)[spec.profile.credentialType]);
			return Array.from({ length: CONCURRENCY }, async () => {
				while (clock.now() < end) {
					try {
						await worker.providerJson(ctx, spec.profile, spec.request);
						if (clock.now() <= end) done++;
					} catch {
						failed++;
					}
				}
			});
		}),
	);
	const counts = sandbox.stats().requests[spec.provider]?.byStatus ?? {};
	return { done, failed, refused: counts[String(spec.refusal)] ?? 0, allowed: allowed(spec.windows, spec.durationMs) };
}

/** One credential used by one n8n process, then by two queue-mode workers at once. */
const WORKERS = [1, 2];

export const rateLimits: Benchmark = async (): Promise<BenchSection> => {
	const { sandbox, clock, stop } = await startSimulatedSandbox({ latencyMs: LATENCY_MS, logLimit: 100 });
	const results: Array<{ spec: Case; workers: number; outcome: Outcome }> = [];
	try {
		for (const spec of CASES) {
			for (const workers of WORKERS) {
				const transports = [transport, ...Array.from({ length: workers - 1 }, () => workerTransport(clock))];
				results.push({ spec, workers, outcome: await sustain(sandbox, clock, spec, transports) });
			}
		}
	} finally {
		await stop();
	}
	const share = ({ done, allowed: most }: Outcome) => done / most;
	const lowestOf = (rows: typeof results) => rows.reduce((low, result) => (share(result.outcome) < share(low.outcome) ? result : low));
	const single = results.filter((result) => result.workers === 1);
	const shared = results.filter((result) => result.workers > 1);
	const sum = (rows: typeof results, key: 'refused' | 'failed') => rows.reduce((total, { outcome }) => total + outcome[key], 0);
	const lowest = lowestOf(single);
	const lowestShared = lowestOf(shared);
	return {
		title: "Sustained throughput under each provider's published limits, from one process and from two workers sharing the credential",
		columns: [
			'provider (limits)',
			'n8n processes on the credential',
			'simulated period',
			'calls answered',
			'allowed in the period',
			'share of allowed',
			'rate-limit refusals',
			'failed calls',
		],
		rows: results.map(({ spec, workers, outcome }) => [
			spec.name,
			workers === 1 ? '1' : `${workers} workers`,
			duration(spec.durationMs),
			fmt(outcome.done),
			fmt(outcome.allowed),
			`${fmt(share(outcome) * 100, 1)}%`,
			fmt(outcome.refused),
			fmt(outcome.failed),
		]),
		targets: [
			{
				name: 'lowest share of the allowed rate, one process',
				wanted: '≥ 90%',
				measured: `${fmt(share(lowest.outcome) * 100, 1)}% (${lowest.spec.name})`,
				met: share(lowest.outcome) >= 0.9,
			},
			{
				name: 'lowest share of the allowed rate, two workers together',
				wanted: '≥ 90%',
				measured: `${fmt(share(lowestShared.outcome) * 100, 1)}% (${lowestShared.spec.name})`,
				met: share(lowestShared.outcome) >= 0.9,
			},
			{ name: 'failed calls, one process', wanted: '0', measured: fmt(sum(single, 'failed')), met: sum(single, 'failed') === 0 },
			{ name: 'failed calls, two workers', wanted: '0', measured: fmt(sum(shared, 'failed')), met: sum(shared, 'failed') === 0 },
			{
				name: 'rate-limit refusals received (one process / two workers)',
				wanted: 'as few as possible',
				measured: `${fmt(sum(single, 'refused'))} / ${fmt(sum(shared, 'refused'))}`,
				met: true,
			},
		],
		notes: [
			`${CONCURRENCY} calls in flight at once per process through the package's transport, ${LATENCY_MS} ms latency, the ` +
				`sandbox enforcing the same windows as fixed windows that open at the first request. Calls answered after the period are not ` +
				`counted.`,
			"A second worker is a fresh copy of the package's modules: its pacing knows nothing of the first's, as in a separate process. " +
				"The two share only the provider's counter, and learn of each other from the provider's rate-limit headers and refusals.",
			"\"Allowed in the period\" is what the provider's published windows (the sandbox's, not the package's own copy of them) let " +
				'through at most, every window used to the last request; the share is how much of that the pacing used. Hunter says "slow down" ' +
				'with 403, the others with 429.',
			'Time is simulated (see the HaloPSA benchmark): waiting for a window costs no real time, and with calls overlapping the simulated ' +
				'clock can only overstate the time taken. Thrio publishes no limit and is left out.',
		],
	};
};
