/**
 * Benchmark: how many tokens queue-mode n8n fetches when executions of one workflow run on two workers,
 * against what a token per execution or a token per process would cost. Example 4 (ZoomInfo's JWT login,
 * HaloPSA's OAuth2 client credentials) runs once, then six times at once through both webhook processes.
 */
import { exampleStartedByWebhook } from '../scripts/e2e/n8n-instance';
import { sandboxCredentialsFor } from '../scripts/e2e/sandbox-credentials';
import { startQueueCluster } from '../scripts/queue/cluster';
import type { QueueCluster } from '../scripts/queue/cluster';
import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { fmt } from './report';
import type { Benchmark, BenchSection } from './report';

const BASE_PORT = 5850;
const WORKFLOW = 'b2bBenchTokens01';
const PATH = 'bench-tokens';
const BURST = 6;

const TOKEN_PATHS = { zoomInfo: '/authenticate', haloPsa: '/auth/token' } as const;

function tokenRequests(sandbox: Sandbox): Record<keyof typeof TOKEN_PATHS, number> {
	const count = (provider: keyof typeof TOKEN_PATHS) =>
		sandbox.requests({ provider }).filter((entry) => entry.path.endsWith(TOKEN_PATHS[provider])).length;
	return { zoomInfo: count('zoomInfo'), haloPsa: count('haloPsa') };
}

async function runs(cluster: QueueCluster, count: number): Promise<Array<{ id: string; status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW }));
	const deadline = Date.now() + 300_000;
	for (;;) {
		const response = await fetch(`${cluster.main.running.url}/rest/executions?filter=${filter}&limit=100`, {
			headers: { cookie: cluster.cookie },
		});
		const { data } = (await response.json()) as { data: { count: number; results: Array<{ id: string; status: string }> } };
		if (data.count >= count && !data.results.some((execution) => ['new', 'running'].includes(execution.status))) return data.results;
		if (Date.now() > deadline) throw new Error(`${WORKFLOW}: ${data.count} of ${count} executions finished after 300 s`);
		await new Promise((done) => setTimeout(done, 500));
	}
}

export const queueTokens: Benchmark = async (): Promise<BenchSection> => {
	const sandbox = await startSandbox();
	const cluster = await startQueueCluster({
		basePort: BASE_PORT,
		credentials: sandboxCredentialsFor(sandbox.url),
		workflows: [exampleStartedByWebhook('04-company-list-to-halopsa.json', WORKFLOW, PATH, 'Target Companies')],
	});
	try {
		const post = async (index: number) =>
			await fetch(`${cluster.webhooks[index % cluster.webhooks.length].running.url}/webhook/${PATH}`, { method: 'POST', body: '{}' });
		await post(0);
		await runs(cluster, 1);
		const afterFirst = tokenRequests(sandbox);
		await Promise.all(Array.from({ length: BURST }, async (_, index) => await post(index)));
		const all = await runs(cluster, 1 + BURST);
		const total = tokenRequests(sandbox);
		const workers = new Set(
			all.map(
				(execution) => cluster.workers.find((worker) => worker.running.log().includes(`Worker started execution ${execution.id} `))?.name,
			),
		);
		const failed = all.filter((execution) => execution.status !== 'success').length;
		const row = (name: string, provider: keyof typeof TOKEN_PATHS) => [
			name,
			fmt(1 + BURST),
			fmt(workers.size),
			`${fmt(total[provider])} (${fmt(afterFirst[provider])} for the first run, ${fmt(total[provider] - afterFirst[provider])} for the ${BURST} at once)`,
			fmt(1 + BURST),
			fmt(workers.size),
		];
		return {
			title: 'Token requests in queue mode: one workflow on two workers',
			columns: ['credential', 'executions', 'workers that ran them', 'token requests', 'a token per execution', 'a token per worker'],
			rows: [row('ZoomInfo JWT (username and password)', 'zoomInfo'), row('HaloPSA OAuth2 client credentials', 'haloPsa')],
			targets: [
				{
					name: 'token requests per credential',
					wanted: 'once per lifetime, not per worker or execution',
					measured: `ZoomInfo ${fmt(total.zoomInfo)}, HaloPSA ${fmt(total.haloPsa)}`,
					met: total.zoomInfo === 1 && total.haloPsa === 1,
				},
				{ name: 'failed executions', wanted: '0', measured: fmt(failed), met: failed === 0 },
			],
			notes: [
				`n8n 2.40.7 in queue mode (1 main, 2 webhook processes, 2 workers, PostgreSQL, Redis), example 4 started by a webhook: once, ` +
					`then ${BURST} times at once through both webhook processes. The sandbox counts every token request.`,
				"n8n keeps the token in the credential in its database (OAuth2 token data, and what a credential's preAuthentication returns), " +
					'so a worker that reads the credential after another stored a token uses it. The two right-hand columns are what fetching a ' +
					'token per execution, or once per worker process, would have cost for the same runs.',
			],
		};
	} finally {
		await cluster.stop();
		await sandbox.stop();
	}
};
