import { providerRequest } from '../../lib/transport';
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
