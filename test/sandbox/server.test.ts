import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { generateDataset } from '../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client } from '../../sandbox/test-client';

describe('sandbox server', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const hunter = () => client(sandbox.baseUrl('hunter'), { 'X-API-KEY': SANDBOX_CREDENTIALS.hunter.apiKey });

	it('listens on a free local port and builds provider base URLs', () => {
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sandbox.port).toBeGreaterThan(0);
		expect(sandbox.baseUrl('apollo')).toBe(`${sandbox.url}/apollo/api/v1`);
	});

	it('answers 404 JSON for unknown prefixes and unknown routes', async () => {
		const unknownPrefix = await client(sandbox.url).get('/nowhere');
		expect(unknownPrefix.status).toBe(404);
		expect(unknownPrefix.data).toMatchObject({ error: 'Not Found' });
		const unknownRoute = await hunter().get('/nope');
		expect(unknownRoute.status).toBe(404);
		expect(sandbox.requests({ provider: 'hunter' })).toHaveLength(1);
	});

	it('answers 400 to malformed JSON', async () => {
		// fetch, because axios would re-encode the broken string as a valid JSON string.
		const response = await fetch(`${sandbox.baseUrl('apollo')}/people/match`, {
			method: 'POST',
			body: '{"email": ',
			headers: { 'content-type': 'application/json', 'x-api-key': SANDBOX_CREDENTIALS.apollo.apiKey },
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: string }).error).toBe('Malformed JSON');
	});

	it('logs provider requests with prefix-less path, query, lowercased headers and status; not control calls', async () => {
		await hunter().get('/account', { params: { foo: 'bar' } });
		await client(sandbox.url).get('/_sandbox/health');
		expect(sandbox.log).toHaveLength(1);
		const [entry] = sandbox.log;
		expect(entry).toMatchObject({
			seq: 1,
			provider: 'hunter',
			api: 'hunter',
			method: 'GET',
			path: '/account',
			query: { foo: 'bar' },
			status: 200,
			credentialVia: 'header:x-api-key',
		});
		expect(entry.headers['x-api-key']).toBe(SANDBOX_CREDENTIALS.hunter.apiKey);
		expect(entry.durationMs).toBeGreaterThanOrEqual(0);
		expect(sandbox.requests({ pathIncludes: 'acc', method: 'get' })).toHaveLength(1);
		expect(sandbox.requests({ provider: 'apollo' })).toHaveLength(0);
	});

	it('applies global and per-provider latency', async () => {
		sandbox.configure({ latencyMs: 5, providerLatencyMs: { hunter: 120 } });
		const started = Date.now();
		await hunter().get('/account');
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
	});

	it('serves the control API: config merge, reset, log, state, stats, seed, clock', async () => {
		const control = client(`${sandbox.url}/_sandbox`);
		const merged = await control.post('/config', { hunter: { quota: { searches: 7 } } });
		expect(merged.data.hunter.quota).toEqual({ searches: 7, verifications: 10_000 });
		expect(sandbox.config.hunter.apiKeys).toEqual([SANDBOX_CREDENTIALS.hunter.apiKey]);

		await hunter().get('/account');
		const log = await control.get('/log', { params: { provider: 'hunter', since: 0 } });
		expect(log.data).toHaveLength(1);
		expect((await control.get('/stats')).data.requests.hunter).toEqual({ total: 1, byStatus: { 200: 1 } });
		expect((await control.delete('/log')).status).toBe(200);
		expect(sandbox.log).toHaveLength(0);

		expect((await control.post('/seed/haloPsa', { Client: [{ name: 'Seeded Ltd' }] })).status).toBe(200);
		expect((await control.get('/state/haloPsa')).data.clients[0]).toMatchObject({ name: 'Seeded Ltd' });
		expect((await control.get('/state/nope')).status).toBe(400);
		expect((await control.post('/tokens/hunter/expire')).status).toBe(400);

		const before = Date.now();
		const moved = await control.post('/clock', { advanceMs: 3_600_000 });
		expect(moved.data.now).toBeGreaterThanOrEqual(before + 3_600_000);

		expect((await control.post('/reset')).status).toBe(200);
		expect(sandbox.config.hunter.quota.searches).toBe(5_000);
		expect(sandbox.state.haloPsa.clients.size).toBe(0);
		expect((await control.get('/stats')).data.requests).toEqual({});
	});

	it('reset() comes back to the config given at start', async () => {
		const custom = await startSandbox({ config: { latencyMs: 1, hunter: { planName: 'Starter' } } });
		try {
			custom.configure({ hunter: { planName: 'Business' } });
			custom.reset();
			expect(custom.config.hunter.planName).toBe('Starter');
			expect(custom.config.latencyMs).toBe(1);
		} finally {
			await custom.stop();
		}
	});

	it('generates the same fixtures for the same seed, with realistic variety', () => {
		const a = generateDataset({ seed: 7, people: 2000, companies: 300 });
		const b = generateDataset({ seed: 7, people: 2000, companies: 300 });
		expect(a.people).toEqual(b.people);
		expect(a.companies).toHaveLength(300);
		expect(a.people).toHaveLength(2000);
		expect(new Set(a.companies.map((c) => c.domain)).size).toBe(300);
		const withoutEmail = a.people.filter((p) => p.email === null).length;
		expect(withoutEmail).toBeGreaterThan(100);
		expect(withoutEmail).toBeLessThan(600);
		expect(new Set(a.people.map((p) => p.seniority)).size).toBe(8);
		expect(a.companies.every((c) => a.peopleAt(c.id).length > 0)).toBe(true);
		expect(generateDataset({ seed: 8, people: 50, companies: 10 }).people[0]).not.toEqual(a.people[0]);
	});

	it('starts from the CLI and prints one JSON line', async () => {
		const cli = spawn(
			process.execPath,
			[require.resolve('tsx/cli'), join(__dirname, '..', '..', 'sandbox', 'cli.ts'), '--latency', '3', '--faults', '{"seed":9}'],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		try {
			const line = await new Promise<string>((resolve, reject) => {
				cli.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
				cli.once('exit', (code) => reject(new Error(`cli exited ${code}`)));
			});
			const started = JSON.parse(line) as { url: string; port: number };
			expect(started.url).toBe(`http://127.0.0.1:${started.port}`);
			const config = await client(started.url).get('/_sandbox/config');
			expect(config.data).toMatchObject({ latencyMs: 3, faults: { seed: 9, includeAuth: false } });
		} finally {
			const exited = new Promise((resolve) => cli.once('exit', resolve));
			cli.kill('SIGTERM');
			await exited;
		}
	}, 20_000);
});
