import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { peopleRemembered } from '../../scripts/e2e/held-enrichment';
import { ROOT, webhookRegistered } from '../../scripts/e2e/n8n-instance';
import { sandboxCredentialsFor, sandboxSecrets } from '../../scripts/e2e/sandbox-credentials';
import { startQueueCluster } from '../../scripts/queue/cluster';
import type { QueueCluster, QueueProcess } from '../../scripts/queue/cluster';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { hmacHex } from '../triggers/fixtures';
import {
	CONTACT_LOAD,
	EXAMPLE_01,
	GITHUB_SECRET,
	HALO_BEARER,
	OVERLAP,
	TRIGGERS,
	contactLoad,
	example01,
	overlappingRuns,
	queueCredentials,
	triggerWorkflows,
} from './workflows';

const BASE_PORT = 5800;
/** Events sent to both webhook processes per delay, to measure the race between them. */
const RACE_EVENTS = 5;
/** How long after process A the same event reaches process B. */
const RACE_DELAYS_MS = [0, 250, 1000, 2000];
/** Pairs of different events sent to the two webhook processes at once. */
const CONCURRENT_PAIRS = 20;
const PACKAGE = 'n8n-nodes-halopsa-b2b';
const highLevelKeys = generateKeyPairSync('ed25519');
/** What the suite measured, for bench/RESULTS.md. */
const figures: Record<string, unknown> = {};

let sandbox: Sandbox;
let cluster: QueueCluster;

beforeAll(async () => {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
	sandbox = await startSandbox();
	cluster = await startQueueCluster({
		basePort: BASE_PORT,
		credentials: [...sandboxCredentialsFor(sandbox.url, sandbox.issueGoHighLevelSession()), ...queueCredentials],
		workflows: [
			...triggerWorkflows(highLevelKeys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')),
			example01(),
			contactLoad(120),
			...overlappingRuns(),
		],
		env: {
			// A job whose worker died is given up after its lock lapses; shortened from 60 s and 30 s so the suite need not wait.
			QUEUE_WORKER_LOCK_DURATION: '10000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
		},
	});
}, 900_000);

afterAll(async () => {
	if (cluster) {
		const secrets = [...sandboxSecrets(), GITHUB_SECRET, HALO_BEARER].filter((secret) => cluster.logs().includes(secret));
		figures.secretsInLogs = secrets.length;
		await cluster.stop();
	}
	await sandbox?.stop();
	mkdirSync(join(ROOT, 'test-results'), { recursive: true });
	writeFileSync(join(ROOT, 'test-results', 'queue-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

interface Execution {
	id: string;
	status: string;
	mode: string;
	retryOf?: string | null;
}

async function rest(path: string, init: RequestInit = {}): Promise<{ status: number; body: { data?: unknown } }> {
	const response = await fetch(`${cluster.main.running.url}/rest${path}`, {
		...init,
		headers: { 'content-type': 'application/json', cookie: cluster.cookie, ...(init.headers ?? {}) },
	});
	return { status: response.status, body: (await response.json().catch(() => ({}))) as { data?: unknown } };
}

async function executions(workflowId: string): Promise<Execution[]> {
	return (await page(workflowId)).results;
}

/** The latest executions of a workflow, and how many it has in all. */
async function page(workflowId: string): Promise<{ count: number; results: Execution[] }> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await rest(`/executions?filter=${filter}&limit=100`)).body.data as { count: number; results: Execution[] };
}

const running = (execution: Execution) => ['new', 'running', 'waiting'].includes(execution.status);

/** Waits until `count` executions of the workflow exist and have all finished; returns the latest 100. */
async function finished(workflowId: string, count: number, timeoutMs = 120_000): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const latest = await page(workflowId);
		if (latest.count >= count && !latest.results.some(running)) return latest.results;
		if (Date.now() > deadline) throw new Error(`${workflowId}: ${latest.count} executions, not ${count}, after ${timeoutMs / 1000} s`);
		await new Promise((done) => setTimeout(done, 500));
	}
}

/** An execution with, when it did not succeed, the error n8n stored for it. */
async function explained(execution: Execution): Promise<Execution & { error?: string }> {
	if (execution.status === 'success') return execution;
	const stored = (await rest(`/executions/${execution.id}`)).body.data as { data?: string };
	// n8n stores run data "flatted": an array whose objects point at their values by index.
	const flat = JSON.parse(stored?.data ?? '[]') as unknown[];
	const errors = flat.filter((entry): entry is { message: string } => typeof entry === 'object' && entry !== null && 'message' in entry);
	return { ...execution, error: errors.map((entry) => flat[Number(entry.message)]).join(' | ') };
}

/** The worker whose log says it started the execution. */
function workerThatRan(executionId: string): string | undefined {
	return cluster.workers.find((worker) => worker.running.log().includes(`Worker started execution ${executionId} `))?.name;
}

const webhookUrl = (process: QueueProcess, webhookId: string) => `${process.running.url}/webhook/${webhookId}/webhook`;

async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
	return (await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })).status;
}

function githubEvent(payload: Record<string, unknown>): { body: string; headers: Record<string, string> } {
	const body = JSON.stringify(payload);
	return { body, headers: { 'x-hub-signature-256': `sha256=${hmacHex(GITHUB_SECRET, body)}` } };
}

/** A process's log with every secret the suite uses taken out, for the figures file. */
const masked = (log: string) =>
	[...sandboxSecrets(), GITHUB_SECRET, HALO_BEARER].reduce((text, secret) => text.split(secret).join('***'), log);

const halo = () =>
	sandbox.dumpState('haloPsa') as {
		clients: Array<{ id: number; name: string }>;
		sites: Array<{ id: number; client_id: number; name: string }>;
		users: Array<{ id: number; emailaddress: string }>;
		opportunities: Array<{ id: number; user_id: number }>;
	};

const duplicates = (values: unknown[]) => values.length - new Set(values.map((value) => JSON.stringify(value))).size;

describe('n8n in queue mode: 1 main, 2 webhook processes, 2 workers, on PostgreSQL and Redis', () => {
	it("loads the package's node types in every process", async () => {
		const types = (await (
			await fetch(`${cluster.main.running.url}/types/nodes.json`, { headers: { cookie: cluster.cookie } })
		).json()) as Array<{
			name: string;
		}>;
		const ours = new Set((Array.isArray(types) ? types : []).map((type) => type.name).filter((name) => name.startsWith(`${PACKAGE}.`)));
		expect(ours).toEqual(expect.objectContaining({ size: expect.any(Number) }));
		expect(ours.has(`${PACKAGE}.b2bHaloPsa`) && ours.has(`${PACKAGE}.signedWebhookTrigger`)).toBe(true);
		// A webhook process answers with the package's own refusal, so the node ran there.
		for (const process of cluster.webhooks) {
			await webhookRegistered(webhookUrl(process, TRIGGERS.github.webhookId));
			const response = await fetch(webhookUrl(process, TRIGGERS.github.webhookId), { method: 'POST', body: '{}' });
			expect({ process: process.name, status: response.status, body: await response.text() }).toEqual({
				process: process.name,
				status: 401,
				body: expect.stringContaining('X-Hub-Signature-256'),
			});
		}
		// Each worker runs the package's nodes in the checks below.
	});

	it('example 01 runs on a worker and syncs to HaloPSA', async () => {
		// Published together with the trigger workflows the first check waited for; a probe would start a run.
		const url = `${cluster.webhooks[0].running.url}/webhook/${EXAMPLE_01.path}`;
		expect(await post(url, '{}', {})).toBe(200);
		const [execution] = await finished(EXAMPLE_01.id, 1);
		expect(await explained(execution)).toMatchObject({ status: 'success', mode: 'webhook' });
		expect(workerThatRan(execution.id)).toMatch(/^worker-/);
		expect(halo().users.length).toBeGreaterThan(0);
		expect(halo().opportunities.length).toBe(halo().users.length);
	});

	describe('signed webhooks replayed to the same process, to the other, and after a restart start exactly 1 execution each', () => {
		const [a, b] = [0, 1];
		const cases: Array<{ name: keyof typeof TRIGGERS; request: (n: number) => { body: string; headers: Record<string, string> } }> = [
			{
				name: 'github',
				request: (n) => {
					const body = JSON.stringify({ action: 'opened', number: n });
					return {
						body,
						headers: { 'x-hub-signature-256': `sha256=${hmacHex(GITHUB_SECRET, body)}`, 'x-github-event': 'pull_request' },
					};
				},
			},
			{
				name: 'haloPsa',
				request: (n) => ({
					body: JSON.stringify({ event: 'Ticket Updated', object_type: 'Ticket', object_id: n }),
					headers: { authorization: `Bearer ${HALO_BEARER}` },
				}),
			},
			{
				name: 'highLevel',
				request: (n) => {
					const id = `queue-${n}`;
					const body = JSON.stringify({ type: 'ContactCreate', id, webhookId: id, timestamp: new Date().toISOString() });
					return { body, headers: { 'x-ghl-signature': sign(null, Buffer.from(body), highLevelKeys.privateKey).toString('base64') } };
				},
			},
		];

		// Three events each: n8n once kept only a trigger's first id, so the later ones are the test.
		it.each(cases)('$name', async ({ name, request }) => {
			const { id, webhookId } = TRIGGERS[name];
			const at = (index: number) => webhookUrl(cluster.webhooks[index], webhookId);
			await webhookRegistered(at(a));
			await webhookRegistered(at(b));
			const events = [1, 2, 3].map((n) => request(Date.now() * 10 + n));
			const statuses: Record<string, number[]> = { first: [], replayToA: [], replayToB: [], replayToRestartedA: [] };
			const answers: string[] = [];
			const sendAll = async (label: string, index: number) => {
				for (const event of events) {
					const response = await fetch(at(index), {
						method: 'POST',
						body: event.body,
						headers: { 'content-type': 'application/json', ...event.headers },
					});
					statuses[label].push(response.status);
					answers.push(`${label} ${response.status} ${await response.text()}`);
				}
			};
			for (const [n, event] of events.entries()) {
				statuses.first.push(await post(at(a), event.body, event.headers));
				await finished(id, n + 1);
			}
			await sendAll('replayToA', a);
			await sendAll('replayToB', b);
			await cluster.restart(cluster.webhooks[a]);
			await webhookRegistered(at(a));
			await sendAll('replayToRestartedA', a);
			await new Promise((done) => setTimeout(done, 2000));
			const expected = {
				first: [200, 200, 200],
				replayToA: [401, 401, 401],
				replayToB: [401, 401, 401],
				replayToRestartedA: [401, 401, 401],
			};
			// When the answers differ, what each process said (the bodies too), the static data and the logs are kept and printed.
			if (JSON.stringify(statuses) !== JSON.stringify(expected)) {
				const restartedLog = masked(cluster.webhooks[a].running.log().slice(-6000));
				const { staticData } = (await rest(`/workflows/${id}`)).body.data as { staticData?: unknown };
				const mainLog = masked(cluster.main.running.log().slice(-6000));
				figures.replayAfterRestartMismatch = { name, statuses, answers, staticData, restartedLog, mainLog };
				console.error(`${name}: ${answers.join('\n')}\nthe restarted webhook process's log ends with\n${restartedLog}`);
			}
			expect(statuses).toEqual(expected);
			expect((await finished(id, 3)).map((execution) => execution.status)).toEqual(['success', 'success', 'success']);
		});
	});

	it('measures how often one event sent to both webhook processes at (nearly) the same instant starts two executions', async () => {
		const { id, webhookId } = TRIGGERS.github;
		const before = (await page(id)).count;
		const [a, b] = cluster.webhooks.map((process) => webhookUrl(process, webhookId));
		const byDelay: Record<string, { events: number; acceptedTwice: number }> = {};
		const sent: Array<{ body: string; headers: Record<string, string> }> = [];
		const answeredMs: number[] = [];
		let accepted = 0;
		for (const delayMs of RACE_DELAYS_MS) {
			byDelay[`${delayMs} ms`] = { events: RACE_EVENTS, acceptedTwice: 0 };
			for (let index = 0; index < RACE_EVENTS; index++) {
				const event = githubEvent({ action: 'raced', delayMs, number: index, at: Date.now() });
				sent.push(event);
				const sentAt = Date.now();
				const statuses = await Promise.all([
					post(a, event.body, event.headers).then((status) => {
						answeredMs.push(Date.now() - sentAt);
						return status;
					}),
					new Promise((done) => setTimeout(done, delayMs)).then(async () => await post(b, event.body, event.headers)),
				]);
				expect(statuses.every((status) => status === 200 || status === 401)).toBe(true);
				const passed = statuses.filter((status) => status === 200).length;
				expect(passed).toBeGreaterThanOrEqual(1);
				accepted += passed;
				if (passed === 2) byDelay[`${delayMs} ms`].acceptedTwice++;
			}
		}
		await finished(id, before + accepted);
		// Then each event once more to each process: an id lost to a concurrent save would let the replay through.
		let replaysAccepted = 0;
		for (const event of sent) for (const url of [a, b]) if ((await post(url, event.body, event.headers)) === 200) replaysAccepted++;
		await new Promise((done) => setTimeout(done, 2000));
		const sorted = answeredMs.sort((x, y) => x - y);
		figures.sameInstant = {
			byDelay,
			firstCopyAnsweredMs: { median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] },
			replaysAcceptedLater: replaysAccepted,
		};
		expect((await page(id)).count - before).toBe(accepted + replaysAccepted);
		// Once the first copy has been answered (n8n writes its static data right after), the other process sees its id.
		const afterAnswer = RACE_DELAYS_MS.filter((delayMs) => delayMs > sorted[sorted.length - 1] + 100);
		for (const delayMs of afterAnswer) expect(byDelay[`${delayMs} ms`].acceptedTwice).toBe(0);
		expect(replaysAccepted).toBe(0);
	});

	it('two different events answered at the same instant by the two processes: a replay of either is refused once each process has taken its next call', async () => {
		const { id, webhookId } = TRIGGERS.github;
		const before = (await page(id)).count;
		const [a, b] = cluster.webhooks.map((process) => webhookUrl(process, webhookId));
		const pairs = Array.from({ length: CONCURRENT_PAIRS }, (_, index) => [
			githubEvent({ action: 'concurrent', to: 'a', index, at: Date.now() }),
			githubEvent({ action: 'concurrent', to: 'b', index, at: Date.now() }),
		]);
		// Half the pairs are replayed to the other process at once, to measure how many ids a concurrent write loses.
		const measured = pairs.slice(0, CONCURRENT_PAIRS / 2);
		const healed = pairs.slice(CONCURRENT_PAIRS / 2);
		let acceptedBeforeNextCall = 0;
		for (const [toA, toB] of measured) {
			expect(await Promise.all([post(a, toA.body, toA.headers), post(b, toB.body, toB.headers)])).toEqual([200, 200]);
			for (const [event, url] of [
				[toA, b],
				[toB, a],
			] as const)
				if ((await post(url, event.body, event.headers)) === 200) acceptedBeforeNextCall++;
		}
		for (const [toA, toB] of healed)
			expect(await Promise.all([post(a, toA.body, toA.headers), post(b, toB.body, toB.headers)])).toEqual([200, 200]);
		for (const url of [a, b]) {
			const next = githubEvent({ action: 'next call', url, at: Date.now() });
			expect(await post(url, next.body, next.headers)).toBe(200);
			// A process answers before its save lands: the other one's next call must read after it, not race it.
			await new Promise((done) => setTimeout(done, 1000));
		}
		let acceptedAfterNextCall = 0;
		for (const [toA, toB] of healed)
			for (const [event, url] of [
				[toA, b],
				[toB, a],
			] as const)
				if ((await post(url, event.body, event.headers)) === 200) acceptedAfterNextCall++;
		await new Promise((done) => setTimeout(done, 2000));
		figures.concurrentWrites = {
			pairs: CONCURRENT_PAIRS / 2,
			replaysAcceptedBeforeNextCall: acceptedBeforeNextCall,
			replaysAcceptedAfterNextCall: acceptedAfterNextCall,
		};
		expect(acceptedAfterNextCall).toBe(0);
		await finished(id, before + CONCURRENT_PAIRS * 2 + 2 + acceptedBeforeNextCall);
	});

	it('two executions on two workers with one GoHighLevel credential: no failed item, HighLevel’s limit held', async () => {
		const url = `${cluster.webhooks[0].running.url}/webhook/${CONTACT_LOAD.path}`;
		const since = sandbox.log[sandbox.log.length - 1]?.seq ?? 0;
		expect(
			await Promise.all([post(url, '{}', {}), post(cluster.webhooks[1].running.url + `/webhook/${CONTACT_LOAD.path}`, '{}', {})]),
		).toEqual([200, 200]);
		const runs = await finished(CONTACT_LOAD.id, 2, 240_000);
		expect(await Promise.all(runs.map(explained))).toEqual([
			expect.objectContaining({ status: 'success' }),
			expect.objectContaining({ status: 'success' }),
		]);
		const workers = runs.map((execution) => workerThatRan(execution.id));
		const calls = sandbox.requests({ api: 'goHighLevelV2' }).filter((entry) => entry.seq > since);
		const served = calls.filter((entry) => entry.status < 400);
		const refused = calls.filter((entry) => entry.status === 429);
		// HighLevel allows 100 requests per 10 s per location: no 10 s span may hold more served calls than that.
		const busiest = Math.max(
			...served.map((entry) => served.filter((other) => other.at >= entry.at && other.at < entry.at + 10_000).length),
		);
		const contacts = (sandbox.dumpState('goHighLevel') as { locations: Array<{ contacts: unknown[] }> }).locations.reduce(
			(sum, location) => sum + location.contacts.length,
			0,
		);
		figures.twoWorkers = { workers, served: served.length, refused: refused.length, busiest10s: busiest, contacts };
		expect(new Set(workers).size).toBe(2);
		expect(busiest).toBeLessThanOrEqual(100);
		expect(calls.filter((entry) => entry.status >= 400 && entry.status !== 429)).toEqual([]);
	});

	it('a worker killed in the middle of a HaloPSA sync, the workflow run again: no duplicate client, site, user or opportunity', async () => {
		const url = `${cluster.webhooks[0].running.url}/webhook/${EXAMPLE_01.path}`;
		const before = (await executions(EXAMPLE_01.id)).length;
		// An empty HaloPSA, so every record is created during the killed run, and a slow one, so the kill lands after the first batch
		// of writes and before the last.
		sandbox.state.haloPsa.reset();
		sandbox.configure({ providerLatencyMs: { haloPsa: 1000 } });
		const writesBefore = sandbox.requests({ provider: 'haloPsa' }).filter((entry) => entry.method === 'POST').length;
		expect(await post(url, '{}', {})).toBe(200);
		let victim: QueueProcess | undefined;
		let target: Execution | undefined;
		for (let waited = 0; waited < 120_000 && victim === undefined; waited += 100) {
			const writes = sandbox.requests({ provider: 'haloPsa' }).filter((entry) => entry.method === 'POST').length - writesBefore;
			target = (await executions(EXAMPLE_01.id)).find(running);
			if (writes >= 1 && target) victim = cluster.workers.find((worker) => worker.name === workerThatRan(target!.id));
			else await new Promise((done) => setTimeout(done, 100));
		}
		expect(victim).toBeDefined();
		const writesAtKill = sandbox.requests({ provider: 'haloPsa' }).filter((entry) => entry.method === 'POST').length - writesBefore;
		await cluster.restart(victim!, 'SIGKILL');
		await finished(EXAMPLE_01.id, before + 1, 180_000);
		const killed = (await executions(EXAMPLE_01.id)).find((execution) => execution.id === target!.id)!;
		figures.killedSync = { worker: victim!.name, haloPsaWritesAtKill: writesAtKill, killedStatus: killed.status };
		expect(killed.status).not.toBe('success');
		sandbox.configure({ providerLatencyMs: { haloPsa: 0 } });
		// n8n 2.40 gives up on a job whose worker died, and its Retry of that execution fails at once with the same error
		// (the stored run holds only that error); the way to finish the work is to run the workflow again.
		const retry = await rest(`/executions/${killed.id}/retry`, { method: 'POST', body: JSON.stringify({ loadWorkflow: false }) });
		const runs = before + (retry.status === 200 ? 2 : 1);
		const retried = (await finished(EXAMPLE_01.id, runs, 180_000)).find((execution) => execution.retryOf === killed.id);
		Object.assign(figures.killedSync as object, { n8nRetry: { status: retry.status, execution: retried?.status } });
		expect(await post(url, '{}', {})).toBe(200);
		const [again] = await finished(EXAMPLE_01.id, runs + 1, 180_000);
		expect(await explained(again)).toEqual(expect.objectContaining({ status: 'success', mode: 'webhook' }));
		const now = halo();
		figures.killedSync = {
			killedStatus: killed.status,
			clients: now.clients.length,
			users: now.users.length,
			opportunities: now.opportunities.length,
		};
		expect(now.users.length).toBeGreaterThan(0);
		expect(duplicates(now.clients.map((client) => client.name))).toBe(0);
		expect(duplicates(now.sites.map((site) => [site.client_id, site.name]))).toBe(0);
		expect(duplicates(now.users.map((user) => user.emailaddress))).toBe(0);
		expect(duplicates(now.opportunities.map((opportunity) => opportunity.user_id))).toBe(0);
	});

	describe('two runs at once of a workflow whose nodes keep a memory', () => {
		/** The first events of two people a second apart to process A, both held 4 s; then both replayed to process B. */
		const overlap = async (webhookId: string, runsOf: string[], memoryOf: string, numbers: number) => {
			const [a, b] = cluster.webhooks.map((process) => webhookUrl(process, webhookId));
			await webhookRegistered(a);
			await webhookRegistered(b);
			const people = sandbox.fixtures.people.filter((person) => person.email && person.knownBy.apollo).slice(numbers, numbers + 2);
			const events = people.map((person, n) =>
				githubEvent({ action: 'opened', number: numbers + n, hold: 4, sender: { email: person.email } }),
			);
			expect(await post(a, events[0].body, events[0].headers)).toBe(200);
			await new Promise((done) => setTimeout(done, 1000));
			expect(await post(a, events[1].body, events[1].headers)).toBe(200);
			for (const workflowId of runsOf) {
				const runs = await finished(workflowId, 2);
				expect((await Promise.all(runs.map(explained))).map((run) => run.status)).toEqual(['success', 'success']);
			}
			const saved = ((await rest(`/workflows/${memoryOf}`)).body.data as { staticData?: Record<string, Record<string, object>> })
				.staticData;
			const remembered = peopleRemembered(saved);
			const replaysToOtherProcess = [await post(b, events[0].body, events[0].headers), await post(b, events[1].body, events[1].headers)];
			return { peopleRemembered: remembered, replaysToOtherProcess };
		};

		it('in one workflow, each run saves the static data the worker read when it started: measured', async () => {
			const measured = await overlap(OVERLAP.webhookId, [OVERLAP.id], OVERLAP.id, 900);
			figures.overlappingRunsOneWorkflow = measured;
			expect(measured.peopleRemembered).toBeGreaterThan(0);
		});

		it("split, the trigger's workflow calling the enrichment's: every replay is refused", async () => {
			const { split } = OVERLAP;
			const measured = await overlap(split.webhookId, [split.id, split.subId], split.subId, 910);
			figures.overlappingRunsSplit = measured;
			expect(measured.replaysToOtherProcess).toEqual([401, 401]);
			expect(measured.peopleRemembered).toBeGreaterThan(0);
		});
	});

	it('fetches each credential’s token once across all processes', () => {
		const tokens = {
			haloPsa: sandbox.requests({ provider: 'haloPsa' }).filter((entry) => entry.path.endsWith('/auth/token')).length,
		};
		figures.tokenRequests = tokens;
		expect(tokens.haloPsa).toBe(1);
	});
});
