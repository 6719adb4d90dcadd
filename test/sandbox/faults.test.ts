import axios from 'axios';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client, form } from '../../sandbox/test-client';

describe('fault injection', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const hunter = () => client(sandbox.baseUrl('hunter'), { 'X-API-KEY': SANDBOX_CREDENTIALS.hunter.apiKey });
	const statuses = async (count: number) => {
		const result: number[] = [];
		for (let i = 0; i < count; i++) result.push((await hunter().get('/account')).status);
		return result;
	};

	it('answers 5xx at the configured rate, deterministically for a seed, without doing the work', async () => {
		sandbox.configure({ faults: { seed: 3, providers: { hunter: { error5xxRate: 0.5 } } } });
		const first = await statuses(40);
		const failures = first.filter((status) => status >= 500);
		expect(failures.length).toBeGreaterThan(8);
		expect(failures.length).toBeLessThan(32);
		expect(new Set(failures).size).toBeGreaterThan(1);
		expect(sandbox.requests({ provider: 'hunter' }).filter((e) => e.fault === 'error5xx')).toHaveLength(failures.length);
		sandbox.reset();
		sandbox.configure({ faults: { seed: 3, providers: { hunter: { error5xxRate: 0.5 } } } });
		expect(await statuses(40)).toEqual(first);
		// Other providers are untouched by a per-provider fault.
		expect((await client(sandbox.baseUrl('apollo'), { 'x-api-key': SANDBOX_CREDENTIALS.apollo.apiKey }).get('/auth/health')).status).toBe(
			200,
		);
	});

	it('drops sockets before the work, or after it (the write happens, the answer is lost)', async () => {
		sandbox.configure({ faults: { providers: { haloPsa: { dropRate: 1 } } } });
		const token = await client(sandbox.baseUrl('haloPsa')).post(
			'/auth/token?tenant=sandbox',
			form({
				grant_type: 'client_credentials',
				client_id: SANDBOX_CREDENTIALS.haloPsa.clientId,
				client_secret: SANDBOX_CREDENTIALS.haloPsa.clientSecret,
			}),
		);
		expect(token.status).toBe(200);
		const halo = axios.create({
			baseURL: `${sandbox.baseUrl('haloPsa')}/api`,
			headers: { authorization: `Bearer ${token.data.access_token}` },
		});
		await expect(halo.post('/Client', [{ name: 'Lost' }])).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(sandbox.state.haloPsa.clients.size).toBe(0);
		expect(sandbox.log.at(-1)).toMatchObject({ status: 0, fault: 'drop' });

		sandbox.configure({ faults: { providers: { haloPsa: { dropRate: 0, dropAfterWriteRate: 1 } } } });
		await expect(halo.post('/Client', [{ name: 'Written' }])).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(sandbox.state.haloPsa.clients.list().map((c) => c.name)).toEqual(['Written']);
		expect(sandbox.log.at(-1)).toMatchObject({ status: 200, fault: 'dropAfterWrite' });
	});

	it('sends bursts of rate-limited answers with Retry-After: 1, in the provider own style', async () => {
		sandbox.configure({ faults: { burst429: { every: 3, length: 2 } } });
		expect(await statuses(7)).toEqual([200, 200, 200, 403, 403, 200, 200]);
		const upLead = client(sandbox.baseUrl('upLead'), { authorization: SANDBOX_CREDENTIALS.upLead.apiKey });
		const results = [];
		for (let i = 0; i < 4; i++) results.push(await upLead.get('/credits'));
		expect(results.map((r) => r.status)).toEqual([200, 200, 200, 429]);
		expect(results[3].headers['retry-after']).toBe('1');
	});

	it('revokes all tokens of a provider once after N requests', async () => {
		sandbox.configure({ faults: { providers: { thrio: { revokeTokensAfter: 2 } } } });
		const login = () =>
			client(sandbox.baseUrl('thrioLogin')).get('/provider/token-with-authorities', {
				auth: { username: SANDBOX_CREDENTIALS.thrio.username, password: SANDBOX_CREDENTIALS.thrio.password },
			});
		let { data } = await login();
		const api = () => client(data.location, { authorization: data.token });
		expect((await api().get('/data/api/types/contact')).status).toBe(200);
		expect((await api().get('/data/api/types/contact')).status).toBe(200);
		expect((await api().get('/data/api/types/contact')).status).toBe(401);
		({ data } = await login());
		expect((await api().get('/data/api/types/contact')).status).toBe(200);
	});

	it('spares auth endpoints unless includeAuth, and never touches the control API', async () => {
		sandbox.configure({ faults: { error5xxRate: 1 } });
		const login = () =>
			client(sandbox.baseUrl('goHighLevelLogin')).post('/login', {
				email: SANDBOX_CREDENTIALS.goHighLevel.email,
				password: SANDBOX_CREDENTIALS.goHighLevel.password,
			});
		expect((await login()).status).toBe(200);
		expect((await client(`${sandbox.url}/_sandbox`).get('/health')).status).toBe(200);
		const html = await hunter().get('/account');
		expect(html.status).toBeGreaterThanOrEqual(500);
		sandbox.configure({ faults: { includeAuth: true } });
		expect((await login()).status).toBeGreaterThanOrEqual(500);
	});
});
