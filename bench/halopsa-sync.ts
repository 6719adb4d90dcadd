/**
 * Benchmark 1: the HaloPSA node's Sync against the per-item way, 1,000 / 5,000 / 10,000 new people,
 * with 50 ms latency and HaloPSA's 450 requests per 5 minutes enforced by the sandbox.
 */
import { B2bHaloPsa } from '../nodes/B2bHaloPsa/B2bHaloPsa.node';
import { listPage, saveBatch } from '../lib/destinations/haloPsa';
import type { HaloRecord } from '../lib/destinations/haloPsa';
import type { SyncInput } from '../lib/destinations/haloPsa/sync';
import { runWithSandbox } from '../test/nodes/run';
import type { Sandbox } from '../sandbox/server';
import { asSyncInput, haloContext, syncablePeople } from '../test/destinations/haloPsa/fixtures';
import { duration, withPeakHeap } from './measure';
import { fmt } from './report';
import type { Benchmark, BenchSection } from './report';
import type { SimulatedClock } from '../test/harness/simulated-clock';
import { startSimulatedSandbox } from '../test/harness/simulated-sandbox';

const SIZES = [1000, 5000, 10_000];
const LATENCY_MS = 50;
const SYNC_PARAMETERS = {
	resource: 'sync',
	operation: 'sync',
	whenNoClient: 'create',
	siteMode: 'main',
	createOpportunity: 'none',
	syncOptions: {},
};

/**
 * What a user builds today with n8n's HaloPSA node or an HTTP Request loop: per item, look the client
 * up by name and create it if missing, then look the contact up by email and create it if missing.
 * It gets the package's pacing for free; n8n's own HaloPSA node has none and would stop at the first 429.
 */
async function perItemBaseline(sandbox: Sandbox, inputs: SyncInput[]): Promise<void> {
	const ctx = haloContext(sandbox);
	for (const { person, company } of inputs) {
		const clients = await listPage(ctx, 'Client', { search: company!.name }, 1, 5);
		let client: HaloRecord | undefined = clients.records.find((record) => record.name === company!.name);
		client ??= (await saveBatch(ctx, 'Client', [{ name: company!.name, website: company!.website }]))[0];
		const users = await listPage(ctx, 'Users', { search: person!.email, client_id: client.id }, 1, 5);
		if (!users.records.some((record) => record.emailaddress === person!.email)) {
			await saveBatch(ctx, 'Users', [
				{
					name: `${person!.firstName} ${person!.lastName}`,
					firstname: person!.firstName,
					surname: person!.lastName,
					emailaddress: person!.email,
					client_id: client.id,
				},
			]);
		}
	}
}

interface Run {
	requests: number;
	refused429: number;
	simulatedMs: number;
	realMs: number;
	peakHeapMb: number;
	users: number;
}

async function measure(sandbox: Sandbox, clock: SimulatedClock, work: () => Promise<unknown>): Promise<Run> {
	sandbox.reset();
	// Every window of the previous run closes, on both sides.
	clock.advance(10 * 60_000);
	const simulatedStart = clock.now();
	const realStart = performance.now();
	const { peakHeapMb } = await withPeakHeap(work);
	const realMs = performance.now() - realStart;
	const counts = sandbox.stats().requests.haloPsa ?? { total: 0, byStatus: {} };
	const state = sandbox.dumpState('haloPsa') as { users: unknown[] };
	return {
		requests: counts.total,
		refused429: counts.byStatus['429'] ?? 0,
		simulatedMs: clock.now() - simulatedStart,
		realMs,
		peakHeapMb,
		users: state.users.length,
	};
}

export const haloPsaSync: Benchmark = async (): Promise<BenchSection> => {
	const largest = SIZES[SIZES.length - 1];
	const { sandbox, clock, stop } = await startSimulatedSandbox({
		latencyMs: LATENCY_MS,
		logLimit: 100,
		fixtures: { seed: 42, people: Math.ceil(largest * 1.2), companies: largest / 8 },
	});
	const rows: Array<Array<string | number>> = [];
	const ratios: Array<{ size: number; requests: number; speed: number }> = [];
	try {
		for (const size of SIZES) {
			const inputs = syncablePeople(sandbox, size).map((person) => asSyncInput(sandbox, person));
			if (inputs.length < size) throw new Error(`the fixtures hold only ${inputs.length} people with an email`);
			const sync = await measure(
				sandbox,
				clock,
				async () => await runWithSandbox(sandbox, new B2bHaloPsa(), SYNC_PARAMETERS, inputs as never),
			);
			const baseline = await measure(sandbox, clock, async () => await perItemBaseline(sandbox, inputs));
			for (const [name, run] of [
				['Sync (this package)', sync],
				['per item (baseline)', baseline],
			] as const) {
				if (run.users !== size) throw new Error(`${name} at ${size} left ${run.users} contacts in HaloPSA`);
				rows.push([
					fmt(size),
					name,
					fmt(run.requests),
					fmt(run.refused429),
					duration(run.simulatedMs),
					duration(run.realMs),
					fmt(run.peakHeapMb, 1),
				]);
			}
			ratios.push({ size, requests: sync.requests / baseline.requests, speed: baseline.simulatedMs / sync.simulatedMs });
		}
	} finally {
		await stop();
	}
	const atLargest = ratios[ratios.length - 1];
	return {
		title: `HaloPSA sync of new people: the Sync operation vs one lookup and one write per record`,
		columns: [
			'people',
			'way',
			'HaloPSA requests',
			'429s',
			'wall time (50 ms latency, 450/5 min)',
			'real time of this run',
			'peak heap growth (MB)',
		],
		rows: [
			...rows,
			...ratios.map(({ size, requests, speed }) => [
				fmt(size),
				'Sync ÷ baseline',
				`${fmt(requests * 100, 2)}%`,
				'',
				`${fmt(speed, 0)}× faster`,
				'',
				'',
			]),
		],
		targets: [
			{
				name: `requests at ${fmt(atLargest.size)} people`,
				wanted: '≤ 5% of the baseline',
				measured: `${fmt(atLargest.requests * 100, 2)}%`,
				met: atLargest.requests <= 0.05,
			},
			{
				name: `wall time at ${fmt(atLargest.size)} people`,
				wanted: '≥ 20× faster',
				measured: `${fmt(atLargest.speed, 0)}×`,
				met: atLargest.speed >= 20,
			},
		],
		notes: [
			"Both ways run in this process against the sandbox, through the package's transport with the same OAuth2 credential; every run " +
				'starts from an empty HaloPSA and checks that it left exactly one contact per person.',
			`Wall time is on a simulated clock: each request's ${LATENCY_MS} ms of latency and every wait for HaloPSA's 5-minute window pass ` +
				`in simulated time, the real work of client and sandbox in real time (the "real time" column). Both sides run one request at a ` +
				`time, for which the simulated clock is exact. Without it the baseline at 10,000 people would take hours.`,
			"The baseline is paced by the package's limiter, so it never meets a 429; n8n's own HaloPSA node has no pacing and would fail " +
				'items instead. Its figures are a best case for the per-item way.',
			'Peak heap growth is the most the heap grew above its level at the start of the run (sandbox stores included), sampled every 20 ms.',
		],
	};
};
