import { isProviderApiError, providerRequest } from '../../lib/transport';
import type { ProviderApiError } from '../../lib/transport';
import { API_KEY, setup, testProfile } from './fixtures';
import { refusingUrl, wireServer } from './wire-faults';
import type { WireServer } from './wire-faults';

let server: WireServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

function at(url: string) {
	return testProfile({ baseUrl: () => url });
}

async function failure(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as Error & { kind?: string };
	}
	throw new Error('expected the request to fail');
}

describe('failures on the wire', () => {
	it('never re-sends a write whose connection dropped after the server read it', async () => {
		server = await wireServer(() => 'drop');
		const { context, profile } = setup(at(server.url));
		const error = await failure(providerRequest(context(), profile, { method: 'POST', path: '/records', body: { name: 'a' } }));
		expect(error.kind).toBe('outcomeUnknown');
		expect(server.received).toHaveLength(1);
	});

	it('retries a read whose connection dropped', async () => {
		server = await wireServer((_request, index) => (index === 0 ? 'drop' : { status: 200, body: { ok: true } }));
		const { context, profile } = setup(at(server.url));
		expect((await providerRequest(context(), profile, { method: 'GET', path: '/x' })).body).toEqual({ ok: true });
		expect(server.received).toHaveLength(2);
	});

	it('treats a write that timed out as an unknown outcome', async () => {
		server = await wireServer(() => 'hang');
		const { context, profile } = setup(at(server.url));
		const error = await failure(providerRequest(context(), profile, { method: 'POST', path: '/records', body: {}, timeoutMs: 200 }));
		expect(error.kind).toBe('outcomeUnknown');
		expect(server.received).toHaveLength(1);
	});

	it('retries a write the server never received (connection refused), up to the attempt limit', async () => {
		const { context, profile } = setup(at(await refusingUrl()));
		const error = await failure(
			providerRequest(context(), profile, { method: 'POST', path: '/records', body: {} }, { retry: { maxAttempts: 3, baseDelayMs: 5 } }),
		);
		expect(error.kind).toBe('network');
		expect(error.message).toMatch(/^TestProvider: the connection was refused after 3 attempts$/);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(API_KEY);
	});
});

describe('paid lookups whose answer was lost', () => {
	const lookup = { method: 'POST' as const, path: '/bulk_match', body: { details: [] }, idempotent: true, paid: { credits: 10 } };
	const doNotSendAgain = { lostPaidAnswers: 'doNotSendAgain' as const, retry: { baseDelayMs: 5 } };
	const answeredAfterDrops = (drops: number) => (_request: unknown, index: number) =>
		index < drops ? ('drop' as const) : { status: 200, body: { ok: true } };

	it('are sent again unless told otherwise, the answer counting the sends that got none', async () => {
		server = await wireServer(answeredAfterDrops(2));
		const { context, profile } = setup(at(server.url));
		const response = await providerRequest(context(), profile, lookup, { retry: { baseDelayMs: 5 } });
		expect(response).toMatchObject({ status: 200, body: { ok: true }, lostSends: 2 });
		expect(server.received).toHaveLength(3);
	});

	it('are not sent again under doNotSendAgain: the error says so and what the lost send may have cost', async () => {
		server = await wireServer(answeredAfterDrops(1));
		const { context, profile } = setup(at(server.url));
		const error = (await failure(providerRequest(context(), profile, lookup, { ...doNotSendAgain, itemIndex: 4 }))) as ProviderApiError;
		expect(isProviderApiError(error, 'outcomeUnknown')).toBe(true);
		expect(error.message).toBe('TestProvider: answer lost, not re-sent to avoid paying twice (the connection was dropped) [item 4]');
		expect(error.description).toMatch(/may have carried it out and charged for it/);
		expect(error.lost).toEqual({ sends: 1, credits: 10 });
		expect(server.received).toHaveLength(1);
	});

	it('count a timeout after sending as a lost answer', async () => {
		server = await wireServer(() => 'hang');
		const { context, profile } = setup(at(server.url));
		const error = (await failure(providerRequest(context(), profile, { ...lookup, timeoutMs: 200 }, doNotSendAgain))) as ProviderApiError;
		expect(error.message).toBe('TestProvider: answer lost, not re-sent to avoid paying twice (the request timed out)');
		expect(error.lost).toEqual({ sends: 1, credits: 10 });
		expect(server.received).toHaveLength(1);
	});

	it('are still tried again under doNotSendAgain after a 5xx: an answer came, reporting a failure', async () => {
		server = await wireServer((_request, index) => (index === 0 ? { status: 503, body: {} } : { status: 200, body: { ok: true } }));
		const { context, profile } = setup(at(server.url));
		expect(await providerRequest(context(), profile, lookup, doNotSendAgain)).toMatchObject({ body: { ok: true }, lostSends: 0 });
		expect(server.received).toHaveLength(2);
	});

	it('fail after lost sends with what those may have cost, when no answer ever comes', async () => {
		server = await wireServer((_request, index) => (index === 0 ? 'drop' : { status: 400, body: { message: 'bad details' } }));
		const { context, profile } = setup(at(server.url));
		const error = (await failure(providerRequest(context(), profile, lookup, { retry: { baseDelayMs: 5 } }))) as ProviderApiError;
		expect(error.message).toBe('TestProvider: bad details (HTTP 400) after 2 attempts');
		expect(error.lost).toEqual({ sends: 1, credits: 10 });
	});

	it('leave free reads alone: a dropped read is sent again under doNotSendAgain, and counted', async () => {
		server = await wireServer(answeredAfterDrops(1));
		const { context, profile } = setup(at(server.url));
		expect(await providerRequest(context(), profile, { method: 'GET', path: '/usage' }, doNotSendAgain)).toMatchObject({
			body: { ok: true },
			lostSends: 1,
		});
		expect(server.received).toHaveLength(2);
	});

	it('are sent again when the request never left (connection refused): nothing can have been charged', async () => {
		const { context, profile } = setup(at(await refusingUrl()));
		const error = (await failure(
			providerRequest(context(), profile, lookup, { ...doNotSendAgain, retry: { maxAttempts: 3, baseDelayMs: 5 } }),
		)) as ProviderApiError;
		expect(error.kind).toBe('network');
		expect(error.message).toBe('TestProvider: the connection was refused after 3 attempts');
		expect(error.lost).toBeUndefined();
	});
});
