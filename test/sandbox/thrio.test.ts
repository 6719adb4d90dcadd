import type { AxiosInstance } from 'axios';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { decodeJwt } from '../../sandbox/jwt';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client } from '../../sandbox/test-client';

const { username, password } = SANDBOX_CREDENTIALS.thrio;

describe('Thrio sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const login = (user: string = username, pass: string = password) =>
		client(sandbox.baseUrl('thrioLogin')).get('/provider/token-with-authorities', { auth: { username: user, password: pass } });

	async function cluster(prefix: '' | 'Bearer ' = ''): Promise<AxiosInstance> {
		const { data } = await login();
		return client(data.location, { authorization: `${prefix}${data.token}` });
	}

	it('logs in with Basic and returns a JWT and the tenant location', async () => {
		const { status, data } = await login();
		expect(status).toBe(200);
		expect(data.location).toBe(sandbox.baseUrl('thrioCluster'));
		expect(decodeJwt(data.token)?.claims).toMatchObject({
			tenantId: 'tenant-sandbox-1',
			username,
			authorities: expect.arrayContaining(['ROLE_USER']),
		});
		const wrong = await login(username, 'nope');
		expect(wrong.status).toBe(401);
		expect(wrong.data).toEqual({ error: 'Bad credentials' });
		sandbox.configure({ thrio: { loginDown: true } });
		expect((await login()).status).toBe(503);
	});

	it('accepts the token with or without Bearer, refreshes it, and refuses expired ones', async () => {
		for (const prefix of ['', 'Bearer '] as const) expect((await (await cluster(prefix)).get('/data/api/types/contact')).status).toBe(200);
		const api = await cluster();
		const refreshed = await api.get('/provider/api/token-refresh');
		expect(refreshed.data).toEqual({ token: expect.any(String), location: sandbox.baseUrl('thrioCluster') });
		sandbox.expireTokens('thrio');
		const expired = await api.get('/data/api/types/contact');
		expect(expired.status).toBe(401);
		expect(expired.data.error).toBe('AUTHENTICATION_FAILED');
	});

	it('stores typed objects with q/rows/start listing and get/put/delete', async () => {
		const api = await cluster();
		for (let i = 0; i < 5; i++) await api.post('/data/api/types/contact', { firstName: `Lead${i}`, email: `lead${i}@example.com` });
		const page = await api.get('/data/api/types/contact', { params: { rows: 2, start: 2 } });
		expect(page.data).toMatchObject({ count: 2, total: 5, objects: [{ firstName: 'Lead2' }, { firstName: 'Lead3' }] });
		expect((await api.get('/data/api/types/contact', { params: { q: 'email:lead4@' } })).data.total).toBe(1);
		const id = page.data.objects[0].id as string;
		expect((await api.put(`/data/api/types/contact/${id}`, { lastName: 'Smith' })).data).toMatchObject({
			firstName: 'Lead2',
			lastName: 'Smith',
		});
		expect((await api.delete(`/data/api/types/contact/${id}`)).status).toBe(200);
		expect((await api.get(`/data/api/types/contact/${id}`)).status).toBe(404);
		expect((await api.get('/data/api/types/spaceship')).status).toBe(404);
	});

	it('adds, upserts (by externalId then phone) and resets outbound list leads', async () => {
		const api = await cluster();
		const lists = await api.get('/data/api/types/outboundlist');
		expect(lists.data.total).toBe(2);
		const listId = lists.data.objects[0].id as string;
		const lead = await api.post(`/data/api/types/outboundlist/${listId}/lead`, {
			phone: '+14155550100',
			firstName: 'Ada',
			externalId: 'crm-1',
		});
		expect(lead.data).toMatchObject({ id: expect.any(String), attempts: 0, status: 'NEW' });
		const upsert = await api.post(`/data/api/types/outboundlist/${listId}/leadsupsert`, [
			{ externalId: 'crm-1', phone: '+14155550199', firstName: 'Ada L.' },
			{ phone: '415-555-0300', firstName: 'New' },
		]);
		expect(upsert.data).toMatchObject({ inserted: 1, updated: 1 });
		expect(upsert.data.leads[0]).toMatchObject({ id: lead.data.id, phone: '+14155550199' });
		expect((await api.post(`/data/api/types/outboundlist/${listId}/leadsupsert`, [{ firstName: 'no phone' }])).status).toBe(400);
		expect((await api.post('/data/api/types/outboundlist/nope/lead', { phone: '1' })).status).toBe(404);
		const stored = sandbox.state.thrio.leads.get(listId)!.get(lead.data.id)!;
		stored.attempts = 3;
		stored.status = 'DIALED';
		expect((await api.post(`/data/api/types/outboundlist/${listId}/lead/${lead.data.id}/reset`)).data).toMatchObject({
			attempts: 0,
			status: 'NEW',
		});
	});

	it('refuses a leadsupsert call over the configured maximum with 413, storing none of its leads', async () => {
		const api = await cluster();
		const listId = '0000000000000000000000a1';
		const stored = () => sandbox.state.thrio.leads.get(listId)?.size ?? 0;
		const upsert = (n: number) =>
			api.post(
				`/data/api/types/outboundlist/${listId}/leadsupsert`,
				Array.from({ length: n }, (_, i) => ({ phone: String(i) })),
			);
		const overDefault = await upsert(1001);
		expect([overDefault.status, overDefault.data]).toEqual([
			413,
			{ error: 'PAYLOAD_TOO_LARGE', message: 'At most 1000 leads per call, not 1001' },
		]);
		expect(stored()).toBe(0);
		sandbox.configure({ thrio: { maxLeadsPerUpsert: 2 } });
		const refused = await upsert(3);
		expect([refused.status, refused.data.message]).toEqual([413, 'At most 2 leads per call, not 3']);
		expect(stored()).toBe(0);
		expect((await upsert(2)).status).toBe(200);
		expect(stored()).toBe(2);
		// Seeds are not API calls: the limit does not apply to them.
		sandbox.seed('thrio', { leads: { [listId]: Array.from({ length: 5 }, (_, i) => ({ phone: `+1415555010${i}` })) } });
		expect(stored()).toBe(7);
	});

	it('queues SMS unless a commconsent opt-out exists for the address', async () => {
		const api = await cluster();
		expect((await api.post('/users/api/sms', { to: '+14155550100', message: 'Hi' })).data).toEqual({
			id: expect.any(String),
			status: 'queued',
		});
		expect((await api.post('/data/api/types/commconsent', { address: '(415) 555-0100', commType: 'SMS', reason: 'STOP' })).status).toBe(
			200,
		);
		const refused = await api.post('/users/api/sms', { to: '+1 415 555 0100', message: 'Hi again' });
		expect(refused.status).toBe(409);
		expect(refused.data.error).toBe('OPT_OUT');
		expect((await api.post('/data/api/types/commconsent', { address: 'x' })).status).toBe(400);
		expect(sandbox.state.thrio.sms).toHaveLength(1);
	});
});
