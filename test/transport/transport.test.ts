import nock from 'nock';

import { isProviderApiError, providerRequest } from '../../lib/transport';
import { hunterProfile } from '../../lib/sources/hunter/profile';
import { API_KEY, BASE, FAST_RETRY, setup, testProfile } from './fixtures';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function failure(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as Error & { kind?: string; status?: number; description?: string };
	}
	throw new Error('expected the request to fail');
}

describe('providerRequest', () => {
	it('sends the credential through n8n and returns status, headers and body', async () => {
		const scope = nock(BASE, { reqheaders: { 'x-api-key': API_KEY } })
			.get('/people')
			.query({ page: '2' })
			.reply(200, { people: [1, 2] }, { 'X-Custom': 'yes' });
		const { context, profile } = setup();
		const response = await providerRequest(context(), profile, {
			method: 'GET',
			path: '/people',
			qs: { page: 2, empty: '', none: undefined },
		});
		expect(response).toEqual({
			status: 200,
			headers: expect.objectContaining({ 'x-custom': 'yes' }),
			body: { people: [1, 2] },
			lostSends: 0,
		});
		expect(scope.isDone()).toBe(true);
	});

	it('waits as long as Retry-After says, then succeeds', async () => {
		nock(BASE).get('/x').reply(429, { message: 'slow down' }, { 'Retry-After': '1' });
		nock(BASE).get('/x').reply(200, { ok: true });
		const { context, profile } = setup();
		const started = Date.now();
		const response = await providerRequest(context(), profile, { method: 'GET', path: '/x' });
		expect(response.body).toEqual({ ok: true });
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it('accepts Retry-After as an HTTP date', async () => {
		const inOneSecond = new Date(Date.now() + 1500).toUTCString();
		nock(BASE).get('/x').reply(429, {}, { 'Retry-After': inOneSecond });
		nock(BASE).get('/x').reply(200, { ok: true });
		const { context, profile } = setup();
		const started = Date.now();
		await providerRequest(context(), profile, { method: 'GET', path: '/x' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
	});

	it('waits out a burst of refusals longer than its attempts: a 429 is not a failed attempt', async () => {
		nock(BASE).get('/x').times(8).reply(429, { message: 'slow down' }, { 'Retry-After': '0' });
		nock(BASE).get('/x').reply(200, { ok: true });
		const { context, profile } = setup();
		const response = await providerRequest(context(), profile, { method: 'GET', path: '/x' }, { retry: { maxAttempts: 2 } });
		expect(response.body).toEqual({ ok: true });
	});

	it('fails once the refusals have taken longer in all than a request may wait', async () => {
		const scope = nock(BASE).get('/x').times(2).reply(429, { message: 'slow down' }, { 'Retry-After': '1' });
		const { context, profile } = setup();
		const error = await failure(
			providerRequest(context(), profile, { method: 'GET', path: '/x' }, { retry: { maxRateLimitWaitMs: 1500 } }),
		);
		expect({ message: error.message, kind: error.kind }).toEqual({
			message: 'TestProvider: slow down (HTTP 429) after 2 attempts',
			kind: 'rateLimited',
		});
		expect(error.description).toMatch(/kept refusing for 1 s \(2 times\)/);
		expect(scope.isDone()).toBe(true);
	}, 10_000);

	it('keeps waiting while other calls on the credential are served: the provider is busy, not refusing', async () => {
		// Alone, three refusals of 1 s each would pass the 2.5 s budget; /b is served in between, so /a waits on.
		nock(BASE).get('/a').times(3).reply(429, { message: 'slow down' }, { 'Retry-After': '1' });
		nock(BASE).get('/a').reply(200, { ok: 'a' });
		nock(BASE).get('/b').reply(200, { ok: 'b' });
		const { context, profile } = setup();
		const ctx = context();
		const retry = { maxRateLimitWaitMs: 2500 };
		const a = providerRequest(ctx, profile, { method: 'GET', path: '/a' }, { retry });
		await new Promise((done) => setTimeout(done, 200));
		const b = providerRequest(ctx, profile, { method: 'GET', path: '/b' }, { retry });
		expect((await Promise.all([a, b])).map((response) => response.body)).toEqual([{ ok: 'a' }, { ok: 'b' }]);
	}, 10_000);

	it('fails at once when the provider asks to wait longer than allowed', async () => {
		const scope = nock(BASE).get('/x').reply(429, { message: 'daily limit' }, { 'Retry-After': '86400' });
		const { context, profile } = setup();
		const error = await failure(providerRequest(context(), profile, { method: 'GET', path: '/x' }, { retry: { maxRetryAfterMs: 5000 } }));
		expect(isProviderApiError(error, 'rateLimited')).toBe(true);
		expect(error.description).toMatch(/asked to wait 86400 s/);
		expect(scope.isDone()).toBe(true);
	});

	it('retries 5xx on reads with backoff and stops after the configured attempts', async () => {
		const scope = nock(BASE).get('/x').times(4).reply(503, { message: 'unavailable' });
		const { context, profile } = setup();
		const error = await failure(providerRequest(context(), profile, { method: 'GET', path: '/x' }, { retry: FAST_RETRY }));
		expect(scope.isDone()).toBe(true);
		expect(error.kind).toBe('server');
		expect(error.message).toBe('TestProvider: unavailable (HTTP 503) after 4 attempts');
	});

	it('recovers from a transient 502 on a read', async () => {
		nock(BASE).get('/x').reply(502, 'bad gateway');
		nock(BASE).get('/x').reply(200, { ok: 1 });
		const { context, profile } = setup();
		expect((await providerRequest(context(), profile, { method: 'GET', path: '/x' })).body).toEqual({ ok: 1 });
	});

	it('treats a 500 on a write as an unknown outcome', async () => {
		nock(BASE).post('/records').reply(500, { message: 'oops' });
		const extra = nock(BASE).post('/records').reply(200, {});
		const { context, profile } = setup();
		const error = await failure(providerRequest(context(), profile, { method: 'POST', path: '/records', body: {} }));
		expect(error.kind).toBe('outcomeUnknown');
		expect(extra.isDone()).toBe(false);
	});

	it('retries a write declared idempotent', async () => {
		nock(BASE).post('/search').reply(500, {});
		nock(BASE).post('/search').reply(200, { found: 1 });
		const { context, profile } = setup();
		expect((await providerRequest(context(), profile, { method: 'POST', path: '/search', body: {}, idempotent: true })).body).toEqual({
			found: 1,
		});
	});

	it('retries a 429 on a write: the provider refused it before doing anything', async () => {
		nock(BASE).post('/a').reply(429, {}, { 'Retry-After': '0' });
		nock(BASE).post('/a').reply(201, { id: 7 });
		const { context, profile } = setup();
		expect((await providerRequest(context(), profile, { method: 'POST', path: '/a', body: {} })).body).toEqual({ id: 7 });
	});

	it('does not retry other 4xx and reports the provider message', async () => {
		const scope = nock(BASE).post('/a').reply(422, { message: 'email is malformed' });
		const { context, profile } = setup();
		const error = await failure(providerRequest(context(), profile, { method: 'POST', path: '/a', body: {} }, { itemIndex: 3 }));
		expect(scope.isDone()).toBe(true);
		expect(error.kind).toBe('invalidRequest');
		expect(error.message).toBe('TestProvider: email is malformed (HTTP 422) [item 3]');
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(3);
	});

	it('returns accepted statuses as answers', async () => {
		nock(BASE).get('/records/9').reply(404, { message: 'not found' });
		const { context, profile } = setup();
		const response = await providerRequest(context(), profile, { method: 'GET', path: '/records/9', acceptStatuses: [404] });
		expect(response).toMatchObject({ status: 404, body: { message: 'not found' } });
	});

	it('fails without retrying when the credential is refused', async () => {
		// n8n itself re-sends once after a 401 (that is its preAuthentication retry); the transport adds nothing.
		const scope = nock(BASE).get('/x').times(2).reply(401, { message: 'bad key' });
		const extra = nock(BASE).get('/x').reply(200, {});
		const { context, profile } = setup();
		const error = await failure(providerRequest(context(), profile, { method: 'GET', path: '/x' }));
		expect(scope.isDone()).toBe(true);
		expect(extra.isDone()).toBe(false);
		expect(error.kind).toBe('auth');
	});
});

describe("Hunter's inverted status codes", () => {
	const hunter = () => testProfile({ classify: hunterProfile.classify, errorMessage: hunterProfile.errorMessage });

	it('403 means rate limited: wait and retry', async () => {
		nock(BASE)
			.get('/email-finder')
			.reply(403, { errors: [{ id: 'too_many_requests', code: 403, details: 'slow' }] });
		nock(BASE)
			.get('/email-finder')
			.reply(200, { data: { email: 'a@b.co' } });
		const { context, profile } = setup(hunter());
		expect((await providerRequest(context(), profile, { method: 'GET', path: '/email-finder' })).body).toEqual({
			data: { email: 'a@b.co' },
		});
	});

	it('429 means the quota is used up: do not retry', async () => {
		const scope = nock(BASE)
			.get('/email-finder')
			.reply(429, { errors: [{ id: 'too_many_requests', code: 429, details: 'You have reached your monthly quota' }] });
		const extra = nock(BASE).get('/email-finder').reply(200, {});
		const { context, profile } = setup(hunter());
		const error = await failure(providerRequest(context(), profile, { method: 'GET', path: '/email-finder' }));
		expect(scope.isDone()).toBe(true);
		expect(extra.isDone()).toBe(false);
		expect(isProviderApiError(error, 'quotaExhausted')).toBe(true);
		expect(error.message).toBe('TestProvider: You have reached your monthly quota (HTTP 429)');
	});
});

describe('secrets', () => {
	it('never appear in an error, even when the provider echoes them', async () => {
		nock(BASE)
			.get('/x')
			.reply(400, { message: `invalid key ${API_KEY}`, echo: { api_key: API_KEY }, auth: `Bearer ${API_KEY}` });
		const { context, profile } = setup();
		const error = await failure(providerRequest(context(), profile, { method: 'GET', path: '/x' }));
		expect(error.message).toBe('TestProvider: invalid key *** (HTTP 400)');
		const serialized = JSON.stringify(error) + JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error.stack);
		expect(serialized).not.toContain(API_KEY);
		expect(serialized).toContain('invalid key ***');
	});

	it('never appear in a continue-on-fail output item', async () => {
		nock(BASE)
			.get('/x')
			.reply(400, { message: `bad ${API_KEY}` });
		const { run } = setup();
		const output = await run([{ method: 'GET', path: '/x' }], true);
		expect(JSON.stringify(output)).not.toContain(API_KEY);
		expect(output[0][0].json).toEqual({ error: 'TestProvider: bad *** (HTTP 400) [item 0]', kind: 'invalidRequest' });
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
	});
});

describe('retry policy', () => {
	it('keeps the default attempts when a node passes an unset option through', async () => {
		const scope = nock(BASE).get('/x').times(4).reply(503, {});
		nock(BASE).get('/x').reply(200, { ok: true });
		const { context, profile } = setup(testProfile(), { baseDelayMs: 1, maxDelayMs: 2 });
		const response = await providerRequest(
			context(),
			profile,
			{ method: 'GET', path: '/x' },
			{ retry: { maxAttempts: undefined, baseDelayMs: 1, maxDelayMs: 2 } },
		);
		expect(response.body).toEqual({ ok: true });
		expect(scope.isDone()).toBe(true);
	});
});
