/**
 * Benchmark: how many tokens queue-mode n8n fetches when executions of one workflow run on two workers,
 * against what a token per execution or a token per process would cost. Example 4 (ZoomInfo's JWT login,
 * HaloPSA's OAuth2 client credentials) and a workflow reading Thrio (username and password to a token)
 * and HighLevel's session backend (a token-id renewed into a session) each run once, then six times at
 * once through both webhook processes.
 */
import { exampleStartedByWebhook, webhookNode } from '../scripts/e2e/n8n-instance';
import { sandboxCredentialsFor } from '../scripts/e2e/sandbox-credentials';
import { startQueueCluster } from '../scripts/queue/cluster';
import type { QueueCluster } from '../scripts/queue/cluster';
import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { fmt } from './report';
import type { Benchmark, BenchSection } from './report';

const BASE_PORT = 5850;
const WORKFLOWS = [
	{ id: 'b2bBenchTokens01', path: 'bench-tokens' },
	{ id: 'b2bBenchTokens02', path: 'bench-tokens-sessions' },
] as const;
const BURST = 6;

/** The requests that fetch or renew a token, per provider. */
const TOKEN_PATHS = {
	zoomInfo: ['/authenticate'],
	haloPsa: ['/auth/token'],
	thrio: ['/provider/token-with-authorities', '/provider/api/token-refresh'],
	goHighLevel: ['/login', '/token/update'],
} as const;
type TokenProvider = keyof typeof TOKEN_PATHS;

function tokenRequests(sandbox: Sandbox): Record<TokenProvider, number> {
	const count = (provider: TokenProvider) =>
		sandbox.requests({ provider }).filter((entry) => TOKEN_PATHS[provider].some((path) => entry.path.endsWith(path))).length;
	return { zoomInfo: count('zoomInfo'), haloPsa: count('haloPsa'), thrio: count('thrio'), goHighLevel: count('goHighLevel') };
}

/**
 * Webhook → Thrio contact search → HighLevel contacts through the session backend, each node once (and
 * HighLevel even when Thrio finds no contact).
 */
function sessionsWorkflow(): { id: string } & Record<string, unknown> {
	const { id, path } = WORKFLOWS[1];
	const node = (name: string, type: string, x: number, parameters: Record<string, unknown>, credentials: Record<string, unknown>) => ({
		id: `${path}-${x}`,
		name,
		type: `n8n-nodes-halopsa-b2b.${type}`,
		typeVersion: 1,
		position: [x, 200],
		executeOnce: true,
		alwaysOutputData: true,
		parameters,
		credentials,
	});
	return {
		id,
		name: 'Bench: Thrio and HighLevel session tokens',
		nodes: [
			webhookNode('Start', path),
			node(
				'Thrio Contacts',
				'b2bThrio',
				200,
				{ resource: 'contact', operation: 'search', returnAll: false, limit: 5 },
				{ b2bThrioApi: { id: 'b2bSandboxThrio', name: 'Thrio (sandbox)' } },
			),
			node(
				'HighLevel Contacts',
				'b2bGoHighLevel',
				400,
				{ authentication: 'sessionToken', resource: 'contact', operation: 'getMany', returnAll: false, limit: 5 },
				{ b2bGoHighLevelSessionApi: { id: 'b2bSandboxGhlSess', name: 'GoHighLevel session (sandbox)' } },
			),
		],
		connections: {
			Start: { main: [[{ node: 'Thrio Contacts', type: 'main', index: 0 }]] },
			'Thrio Contacts': { main: [[{ node: 'HighLevel Contacts', type: 'main', index: 0 }]] },
		},
		settings: {},
	};
}

async function runs(cluster: QueueCluster, workflowId: string, count: number): Promise<Array<{ id: string; status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + 300_000;
	for (;;) {
		const response = await fetch(`${cluster.main.running.url}/rest/executions?filter=${filter}&limit=100`, {
			headers: { cookie: cluster.cookie },
		});
		const { data } = (await response.json()) as { data: { count: number; results: Array<{ id: string; status: string }> } };
		if (data.count >= count && !data.results.some((execution) => ['new', 'running'].includes(execution.status))) return data.results;
		if (Date.now() > deadline) throw new Error(`${workflowId}: ${data.count} of ${count} executions finished after 300 s`);
		await new Promise((done) => setTimeout(done, 500));
	}
}

export const queueTokens: Benchmark = async (): Promise<BenchSection> => {
	const sandbox = await startSandbox();
	const cluster = await startQueueCluster({
		basePort: BASE_PORT,
		credentials: sandboxCredentialsFor(sandbox.url),
		workflows: [
			exampleStartedByWebhook('04-company-list-to-halopsa.json', WORKFLOWS[0].id, WORKFLOWS[0].path, 'Target Companies'),
			sessionsWorkflow(),
		],
	});
	try {
		const post = async (index: number) =>
			await Promise.all(
				WORKFLOWS.map(
					async ({ path }) =>
						await fetch(`${cluster.webhooks[index % cluster.webhooks.length].running.url}/webhook/${path}`, { method: 'POST', body: '{}' }),
				),
			);
		const allRuns = async (count: number) => (await Promise.all(WORKFLOWS.map(async ({ id }) => await runs(cluster, id, count)))).flat();
		await post(0);
		await allRuns(1);
		const afterFirst = tokenRequests(sandbox);
		await Promise.all(Array.from({ length: BURST }, async (_, index) => await post(index)));
		const all = await allRuns(1 + BURST);
		const total = tokenRequests(sandbox);
		const workers = new Set(
			all.map(
				(execution) => cluster.workers.find((worker) => worker.running.log().includes(`Worker started execution ${execution.id} `))?.name,
			),
		);
		const failed = all.filter((execution) => execution.status !== 'success').length;
		const row = (name: string, provider: TokenProvider) => [
			name,
			fmt(1 + BURST),
			fmt(workers.size),
			`${fmt(total[provider])} (${fmt(afterFirst[provider])} for the first run, ${fmt(total[provider] - afterFirst[provider])} for the ${BURST} at once)`,
			fmt(1 + BURST),
			fmt(workers.size),
		];
		const measured = (Object.keys(TOKEN_PATHS) as TokenProvider[]).map((provider) => `${provider} ${fmt(total[provider])}`).join(', ');
		return {
			title: 'Token requests in queue mode: two workflows on two workers',
			columns: ['credential', 'executions', 'workers that ran them', 'token requests', 'a token per execution', 'a token per worker'],
			rows: [
				row('ZoomInfo JWT (username and password)', 'zoomInfo'),
				row('HaloPSA OAuth2 client credentials', 'haloPsa'),
				row('Thrio username and password to token', 'thrio'),
				row('GoHighLevel session (token-id renewed)', 'goHighLevel'),
			],
			targets: [
				{
					name: 'token requests per credential',
					wanted: 'once per lifetime, not per worker or execution',
					measured,
					met: Object.values(total).every((count) => count === 1),
				},
				{ name: 'failed executions', wanted: '0', measured: fmt(failed), met: failed === 0 },
			],
			notes: [
				`n8n 2.40.7 in queue mode (1 main, 2 webhook processes, 2 workers, PostgreSQL, Redis). Example 4 (ZoomInfo, HaloPSA) and a ` +
					`workflow reading Thrio contacts and HighLevel contacts through the session backend, each started by a webhook: once, then ` +
					`${BURST} times at once through both webhook processes. The sandbox counts every token request (for HighLevel: its web ` +
					'login and the session renewal).',
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
