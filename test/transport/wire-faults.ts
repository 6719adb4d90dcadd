import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireServer {
	url: string;
	received: Array<{ method: string; url: string }>;
	close(): Promise<void>;
}

/**
 * A real HTTP server whose handler decides per request: answer, or drop the connection after
 * reading the request (the client cannot tell whether the server acted on it).
 */
export async function wireServer(
	handle: (request: IncomingMessage, index: number) => { status: number; body: unknown } | 'drop' | 'hang',
): Promise<WireServer> {
	const received: WireServer['received'] = [];
	const server: Server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			const outcome = handle(request, received.length);
			received.push({ method: request.method ?? '', url: request.url ?? '' });
			if (outcome === 'hang') return;
			if (outcome === 'drop') {
				request.socket.destroy();
				return;
			}
			response.writeHead(outcome.status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(outcome.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A URL on which nothing listens: connecting is refused before any byte is sent. */
export async function refusingUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}
