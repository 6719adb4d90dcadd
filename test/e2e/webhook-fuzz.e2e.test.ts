/**
 * The webhook fuzz in a real n8n: 10,000 mutated requests (signatures, bodies, headers,
 * encodings, sizes, timestamps, replays) against an active Signed Webhook Trigger. None may be
 * accepted, n8n must stay up, and the valid requests sent between them must all be accepted, each
 * starting exactly one execution.
 *
 * Every request comes from its own seeded stream (seed, kind, index), so a failure names the
 * request that replays it: `FUZZ_SEED=<seed>` reruns the same plan.
 *
 * Three families of mutated requests:
 * - fresh: a new event signed now, then mutated. A mutation that leaves what is signed unchanged
 *   (the unit fuzzer's equivalences, plus what HTTP and n8n undo: header case, whitespace, gzip)
 *   is a genuine request, so it is not sent and not counted, as in the unit fuzzer;
 * - re-signed: correctly signed, but with a timestamp far outside the tolerance or not a time;
 * - replay: an event n8n already accepted, sent again as it was or with any mutation, the ones
 *   that keep its meaning included: all must be refused.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';

import { signedWebhookWorkflow, startN8nWithWorkflows, webhookRegistered } from '../../scripts/e2e/n8n-instance';
import type { RunningN8n } from '../../scripts/e2e/n8n-instance';
import { between, hashSeed, mulberry32, pick } from '../../sandbox/prng';
import type { Random } from '../../sandbox/prng';
import { NASTY, PRINTABLE, mutate, randomText, sameMeaning } from '../signatures/mutations';
import { HMAC_SCHEMES, SECRET, hmacFixture, requestOf } from '../signatures/schemes';
import type { Parts } from '../signatures/schemes';
import type { SignedRequest } from '../../lib/signatures';

const PORT = 5690;
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_501);
const MUTATED = 10_000;
const VALID_EVERY = 100;
const CONCURRENCY = 8;
/** n8n's own default, set explicitly so the over-limit bodies are over it by construction. */
const PAYLOAD_LIMIT_MB = 16;
const WORKFLOW_ID = 'b2bFuzzWorkflow1';
const WEBHOOK_ID = 'b2b-fuzz-signed-webhook';
const WEBHOOK_PATH = `/webhook/${WEBHOOK_ID}/webhook`;
const CREDENTIAL = { id: 'b2bFuzzSecret001', name: 'Fuzz webhook secret' };

/** The generic X-Webhook-Signature scheme as its sender signs it; the trigger's "Generic X-Webhook-Signature" preset. */
const fixture = hmacFixture('HMAC seedGeneric', HMAC_SCHEMES.seedGeneric);
/** Far enough outside the 300 s window that a slow request cannot drift back into it. */
const OUTSIDE_SECONDS = fixture.toleranceSeconds + 60;

/** A request as it goes on the wire: headers in order, names as written, repeats allowed. */
interface Wire {
	headers: Array<[string, string]>;
	body: Buffer;
	/** Sent without Content-Length, in chunks. */
	chunked?: boolean;
}

interface Planned {
	family: 'fresh' | 're-signed' | 'replay';
	what: string[];
	wire: Wire;
}

const wallSeconds = () => String(Math.floor(Date.now() / 1000));

function eventBody(id: string, padding = 0): Buffer {
	return Buffer.from(
		JSON.stringify({
			id,
			type: 'contact.created',
			contact: { name: 'Zoë Ångström', email: `${id}@fuzz.example`, tags: ['b2b', 'fuzz'] },
			padding: 'p'.repeat(padding),
		}),
	);
}

function toWire(signed: SignedRequest): Wire {
	const headers: Array<[string, string]> = [];
	for (const [name, value] of Object.entries(signed.headers)) {
		for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.push([name, one]);
	}
	return { headers, body: signed.rawBody };
}

const setHeader = (wire: Wire, name: string, value: string | undefined) => {
	wire.headers = wire.headers.filter(([key]) => key.toLowerCase() !== name);
	if (value !== undefined) wire.headers.push([name, value]);
};

/**
 * What n8n reads of a wire request, for the equivalence test: names folded to lower case,
 * repeated headers as a list, optional whitespace dropped as HTTP does, and the body inflated
 * when its Content-Encoding is exactly gzip or deflate, as n8n's body reader does. Undefined when
 * n8n could not read the body at all.
 */
function received(wire: Wire): SignedRequest | undefined {
	const headers: Record<string, string | string[]> = {};
	for (const [name, raw] of wire.headers) {
		const key = name.toLowerCase();
		const value = raw.replace(/^[ \t]+|[ \t]+$/g, '');
		const existing = headers[key];
		headers[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
	}
	const encoding = headers['content-encoding'];
	try {
		const rawBody = encoding === 'gzip' ? gunzipSync(wire.body) : encoding === 'deflate' ? inflateSync(wire.body) : wire.body;
		return rawBody.length > PAYLOAD_LIMIT_MB * 1024 * 1024 ? undefined : { headers, rawBody };
	} catch {
		return undefined;
	}
}

/** Only the signed parts: what decides whether a request still carries its sender's signature. */
function signedPart(request: SignedRequest, parts: Parts): SignedRequest {
	const names = Object.keys(fixture.headers(parts));
	return { rawBody: request.rawBody, headers: Object.fromEntries(names.map((name) => [name, request.headers[name]])) };
}

function keepsMeaning(wire: Wire, original: SignedRequest, parts: Parts): boolean {
	const seen = received(wire);
	return seen !== undefined && sameMeaning(fixture, signedPart(original, parts), signedPart(seen, parts), parts);
}

/** A random header's index, or undefined when earlier mutations removed them all. */
const anyHeader = (random: Random, wire: Wire) => (wire.headers.length === 0 ? undefined : between(random, 0, wire.headers.length - 1));
const NO_HEADER = 'no header left to change';

const CONTENT_TYPES = [
	'text/plain',
	'application/x-www-form-urlencoded',
	'application/xml',
	'application/octet-stream',
	'multipart/form-data; boundary=fuzz',
	'application/json; charset=iso-8859-1',
	'application/json;charset=utf-16',
	'APPLICATION/JSON',
	'application/vnd.event+json',
	'',
];

/** Mutations of the request as sent, each with a weight; each returns what it did. */
const TRANSPORT: Array<[number, (random: Random, wire: Wire) => string]> = [
	[
		10,
		(random, wire) => {
			const type = random() < 0.15 ? undefined : pick(random, CONTENT_TYPES);
			setHeader(wire, 'content-type', type);
			return `content-type ${type === undefined ? 'removed' : JSON.stringify(type)}`;
		},
	],
	[
		8,
		(random, wire) => {
			const index = anyHeader(random, wire);
			if (index === undefined) return NO_HEADER;
			const [name, value] = wire.headers[index];
			wire.headers[index] = [[...name].map((char) => (random() < 0.5 ? char.toUpperCase() : char.toLowerCase())).join(''), value];
			return `header name case (${name})`;
		},
	],
	[
		8,
		(random, wire) => {
			const index = anyHeader(random, wire);
			if (index === undefined) return NO_HEADER;
			const [name, value] = wire.headers[index];
			wire.headers[index] = [name, `${pick(random, [' ', '\t', '  '])}${value}${pick(random, ['', ' ', '\t '])}`];
			return `whitespace around ${name}`;
		},
	],
	[
		5,
		(random, wire) => {
			const index = anyHeader(random, wire);
			if (index === undefined) return NO_HEADER;
			wire.headers.splice(index, 0, wire.headers[index]);
			return `duplicated ${wire.headers[index][0]}`;
		},
	],
	[
		4,
		(random, wire) => {
			const index = anyHeader(random, wire);
			if (index === undefined) return NO_HEADER;
			return `removed ${wire.headers.splice(index, 1)[0][0]}`;
		},
	],
	[
		5,
		(random, wire) => {
			for (let count = between(random, 1, 5); count > 0; count--)
				wire.headers.push([`X-Fuzz-${count}`, randomText(random, between(random, 1, 60)).replace(/[^\x20-\x7e]/g, '.')]);
			return 'extra headers';
		},
	],
	[
		3,
		(random, wire) => {
			const index = anyHeader(random, wire);
			if (index === undefined) return NO_HEADER;
			wire.headers[index] = [wire.headers[index][0], `${wire.headers[index][1]}${pick(random, NASTY)}`];
			return `control or non-ASCII character in ${wire.headers[index][0]}`;
		},
	],
	[
		1,
		(random, wire) => {
			wire.headers.push([
				pick(random, ['X-Webhook-Signature', 'X-Fuzz-Large']),
				pick(random, PRINTABLE).repeat(between(random, 9_000, 40_000)),
			]);
			return 'oversized header';
		},
	],
	[
		6,
		(random, wire) => {
			const gzip = random() < 0.7;
			wire.body = gzip ? gzipSync(wire.body) : deflateSync(wire.body);
			setHeader(wire, 'content-encoding', gzip ? 'gzip' : 'deflate');
			return gzip ? 'gzip content-encoding' : 'deflate content-encoding';
		},
	],
	[
		4,
		(random, wire) => {
			const choice = between(random, 0, 3);
			if (choice === 0) {
				wire.body = gzipSync(wire.body);
				return 'gzip body without content-encoding';
			}
			if (choice === 1) {
				setHeader(wire, 'content-encoding', 'gzip');
				return 'content-encoding gzip over a plain body';
			}
			if (choice === 2) {
				const zipped = gzipSync(wire.body);
				wire.body = zipped.subarray(0, between(random, 0, zipped.length - 1));
				setHeader(wire, 'content-encoding', 'gzip');
				return 'truncated gzip';
			}
			const encoding = pick(random, ['GZIP', 'x-gzip', 'br', 'gzip, gzip', 'compress']);
			wire.body = gzipSync(wire.body);
			setHeader(wire, 'content-encoding', encoding);
			return `gzip body as content-encoding ${encoding}`;
		},
	],
	[
		4,
		(random, wire) => {
			wire.body = Buffer.from(wire.body.toString(random() < 0.5 ? 'base64' : 'base64url'));
			if (random() < 0.5) wire.headers.push(['Content-Transfer-Encoding', 'base64']);
			return 'base64 body';
		},
	],
	[
		4,
		(random, wire) => {
			const charset = pick(random, ['utf-16le', 'latin1', 'bom'] as const);
			const text = wire.body.toString('utf8');
			wire.body = charset === 'bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), wire.body]) : Buffer.from(text, charset);
			if (charset !== 'bom')
				setHeader(wire, 'content-type', `application/json; charset=${charset === 'latin1' ? 'iso-8859-1' : 'utf-16le'}`);
			return `body re-encoded (${charset})`;
		},
	],
	[
		3,
		(_random, wire) => {
			wire.chunked = true;
			return 'chunked';
		},
	],
	[
		3,
		(_random, wire) => {
			wire.body = Buffer.alloc(0);
			return 'empty body';
		},
	],
	[
		1,
		(random, wire) => {
			const size = between(random, 1024 * 1024, 2 * 1024 * 1024);
			wire.body = random() < 0.5 ? Buffer.concat([wire.body, Buffer.alloc(size, ' ')]) : randomBytes(size);
			return `body of ${size} bytes`;
		},
	],
	[
		0.05,
		(_random, wire) => {
			wire.body = Buffer.alloc((PAYLOAD_LIMIT_MB + 1) * 1024 * 1024, '{');
			return 'body over the payload limit';
		},
	],
	[
		0.1,
		(_random, wire) => {
			wire.body = gzipSync(Buffer.alloc((PAYLOAD_LIMIT_MB + 4) * 1024 * 1024));
			setHeader(wire, 'content-encoding', 'gzip');
			return 'gzip that inflates past the payload limit';
		},
	],
];
const TOTAL_WEIGHT = TRANSPORT.reduce((sum, [weight]) => sum + weight, 0);

function transport(random: Random, wire: Wire, count: number): string[] {
	const what: string[] = [];
	for (let left = count; left > 0; left--) {
		let roll = random() * TOTAL_WEIGHT;
		const chosen = TRANSPORT.find(([weight]) => (roll -= weight) < 0) ?? TRANSPORT[0];
		what.push(chosen[1](random, wire));
	}
	return what;
}

/** A timestamp a sender could sign that must still be refused: outside the window, or not a time. */
function badTimestamp(random: Random): string {
	const skew = between(random, OUTSIDE_SECONDS, 400_000_000) * (random() < 0.5 ? -1 : 1);
	const at = Math.max(0, Math.floor(Date.now() / 1000) + skew);
	const now = wallSeconds();
	switch (between(random, 0, 7)) {
		case 0:
			return String(at);
		case 1:
			return String(at * 1000);
		case 2:
			return new Date(at * 1000).toISOString();
		case 3:
			return `${at}.${between(random, 0, 999)}`;
		case 4:
			return pick(random, ['', 'now', 'NaN', 'Infinity', '-1', '1e10', '0x6790', 'null', '١٧٣٦٩٤٢٤٠٠']);
		case 5: {
			// Inside the digits: at either end a space would be trimmed back into the valid timestamp.
			const inside = between(random, 1, now.length - 1);
			return `${now.slice(0, inside)}${pick(random, ['x', ' ', '-', '.', ':', 'e'])}${now.slice(inside)}`;
		}
		case 6:
			return `${now},${now}`;
		default:
			return `x${randomText(random, between(random, 1, 30)).replace(/[^\x20-\x7e]/g, '')}`;
	}
}

interface Captured {
	parts: Parts;
	accepted: Promise<boolean>;
}

function valid(index: number): { wire: Wire; parts: Parts; what: string[] } {
	const random = mulberry32(hashSeed(SEED, 'valid', index));
	// Every tenth valid event is over a megabyte: genuine large events pass as small ones do.
	const parts = fixture.sign(eventBody(`ok-${SEED}-${index}`, index % 10 === 5 ? 1_200_000 : 0), { timestamp: wallSeconds() });
	const wire = toWire(requestOf(fixture, parts));
	const what: string[] = [];
	switch (between(random, 0, 5)) {
		case 0:
			wire.body = gzipSync(wire.body);
			setHeader(wire, 'content-encoding', 'gzip');
			what.push('gzip');
			break;
		case 1:
			setHeader(wire, 'content-type', 'application/json; charset=utf-8');
			what.push('charset');
			break;
		case 2:
			wire.headers = wire.headers.map(([name, value]) => [
				name.toUpperCase(),
				name === 'x-webhook-signature' ? value.toUpperCase() : value,
			]);
			what.push('upper case');
			break;
		case 3:
			wire.chunked = true;
			what.push('chunked');
			break;
		default:
			what.push('plain');
	}
	return { wire, parts, what };
}

function mutated(index: number, captured: Captured[]): { planned: Planned; skipped: number; replayOf?: Captured } {
	const random = mulberry32(hashSeed(SEED, 'mutated', index));
	const roll = random();
	if (roll < 0.55) {
		for (let skipped = 0; ; skipped++) {
			const parts = fixture.sign(eventBody(`fz-${SEED}-${index}-${skipped}`), { timestamp: wallSeconds() });
			const original = requestOf(fixture, parts);
			const mutateParts = random() < 0.7;
			const wire = toWire(mutateParts ? mutate(random, fixture, parts) : original);
			const what = [...(mutateParts ? ['signed parts'] : []), ...transport(random, wire, between(random, mutateParts ? 0 : 1, 3))];
			if (!keepsMeaning(wire, original, parts)) return { planned: { family: 'fresh', what, wire }, skipped };
		}
	}
	if (roll < 0.75) {
		const timestamp = badTimestamp(random);
		const wire = toWire(requestOf(fixture, fixture.sign(eventBody(`ts-${SEED}-${index}`), { timestamp })));
		return {
			planned: {
				family: 're-signed',
				what: [`timestamp ${JSON.stringify(timestamp.slice(0, 40))}`, ...transport(random, wire, between(random, 0, 1))],
				wire,
			},
			skipped: 0,
		};
	}
	// One of the last few accepted events, still inside its window.
	const replayOf = captured[Math.max(0, captured.length - between(random, 1, 3))];
	const mutateParts = random() < 0.3;
	const wire = toWire(mutateParts ? mutate(random, fixture, replayOf.parts) : requestOf(fixture, replayOf.parts));
	return {
		planned: {
			family: 'replay',
			what: ['replayed', ...(mutateParts ? ['signed parts'] : []), ...transport(random, wire, between(random, 0, 3))],
			wire,
		},
		skipped: 0,
		replayOf,
	};
}

interface Answer {
	status: number;
	/** The start of the answer, for a failure message; never carries the secret. */
	text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/**
 * Sends one request; status 0 when the connection closed without an answer (refused too). `ownConnection`
 * for the valid requests, whose answers the checks rest on: a reused keep-alive socket that the server
 * closes as the request goes out fails with ECONNRESET before n8n sees it, and its replay would then be
 * the first copy n8n sees.
 */
function send(wire: Wire, ownConnection = false): Promise<Answer> {
	const head = [['Host', `localhost:${PORT}`], ...wire.headers];
	const length = ['Content-Length', String(wire.body.length)];
	// Node's client refuses to write what HTTP forbids in a header; such a request goes out by hand.
	if (!wire.headers.every(([name, value]) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) && /^[\t\x20-\x7e\x80-\xff]*$/.test(value)))
		return sendRaw([...head, length].flat(), wire.body);
	// Without a Content-Length, Node's client sends the body chunked.
	const flat = [...head, ...(wire.chunked ? [] : [length])].flat();
	return new Promise((done) => {
		let answered = false;
		const finish = (answer: Answer) => {
			if (answered) return;
			answered = true;
			done(answer);
		};
		const outgoing = request(
			{
				host: '127.0.0.1',
				port: PORT,
				method: 'POST',
				path: WEBHOOK_PATH,
				agent: ownConnection ? false : agent,
				headers: flat as unknown as OutgoingHttpHeaders,
				timeout: 60_000,
			},
			(response) => {
				let text = '';
				response.on('data', (chunk: Buffer) => (text = (text + chunk.toString()).slice(0, 300)));
				response.on('end', () => finish({ status: response.statusCode ?? 0, text }));
				response.on('error', () => finish({ status: response.statusCode ?? 0, text }));
			},
		);
		outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
		outgoing.on('error', (error) => finish({ status: 0, text: error.message }));
		if (wire.chunked) {
			const half = Math.floor(wire.body.length / 2);
			outgoing.write(wire.body.subarray(0, half));
			outgoing.end(wire.body.subarray(half));
		} else {
			outgoing.end(wire.body);
		}
	});
}

function sendRaw(flat: string[], body: Buffer): Promise<Answer> {
	return new Promise((done) => {
		const socket = connect(PORT, '127.0.0.1');
		let text = '';
		const finish = () => {
			socket.destroy();
			done({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text: text.slice(0, 300) });
		};
		socket.setTimeout(60_000, finish);
		socket.on('data', (chunk) => {
			text += chunk.toString('latin1');
			if (text.includes('\r\n')) finish();
		});
		// An error (the server closing while the request is still being written) is followed by 'close',
		// by which time any answer that arrived has been read.
		socket.on('error', () => undefined);
		socket.on('close', finish);
		const head = [`POST ${WEBHOOK_PATH} HTTP/1.1`];
		for (let index = 0; index < flat.length; index += 2) head.push(`${flat[index]}: ${flat[index + 1]}`);
		// Written without ending our side: n8n drops a half-closed connection before it answers.
		socket.write(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\nConnection: close\r\n\r\n`, 'utf8'), body]));
	});
}

interface Report {
	seconds: number;
	validSent: number;
	mutatedSent: number;
	equivalentsSkipped: number;
	byStatus: Record<string, number>;
	byFamily: Record<string, number>;
	accepted: Array<{ request: string; family: string; what: string[]; answer: Answer }>;
	refusedValid: Array<{ request: string; what: string[]; answer: Answer }>;
}

/** Mutated requests, with a fresh valid one before every VALID_EVERY-th, CONCURRENCY at a time. */
async function fuzz(): Promise<Report> {
	const started = Date.now();
	const slots: Array<{ kind: 'valid' | 'mutated'; index: number }> = [];
	for (let index = 0; index < MUTATED; index++) {
		if (index % VALID_EVERY === 0) slots.push({ kind: 'valid', index: index / VALID_EVERY });
		slots.push({ kind: 'mutated', index });
	}
	slots.push({ kind: 'valid', index: MUTATED / VALID_EVERY });

	const captured: Captured[] = [];
	const report: Report = {
		seconds: 0,
		validSent: 0,
		mutatedSent: 0,
		equivalentsSkipped: 0,
		byStatus: {},
		byFamily: {},
		accepted: [],
		refusedValid: [],
	};
	let next = 0;
	const worker = async () => {
		while (next < slots.length) {
			const slot = slots[next++];
			if (slot.kind === 'valid') {
				const { wire, parts, what } = valid(slot.index);
				let settle: (ok: boolean) => void = () => undefined;
				captured.push({ parts, accepted: new Promise((done) => (settle = done)) });
				const answer = await send(wire, true);
				const ok = answer.status >= 200 && answer.status < 300;
				if (!ok) report.refusedValid.push({ request: `valid ${slot.index}`, what, answer });
				report.validSent++;
				settle(ok);
				continue;
			}
			const { planned, skipped, replayOf } = mutated(slot.index, captured);
			report.equivalentsSkipped += skipped;
			// A replay must follow the answer to the original, or it could overtake it.
			if (replayOf !== undefined) await replayOf.accepted;
			const answer = await send(planned.wire);
			report.mutatedSent++;
			report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
			report.byFamily[planned.family] = (report.byFamily[planned.family] ?? 0) + 1;
			if (answer.status >= 200 && answer.status < 300)
				report.accepted.push({ request: `mutated ${slot.index}`, family: planned.family, what: planned.what, answer });
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	report.seconds = (Date.now() - started) / 1000;
	return report;
}

let n8n: RunningN8n;
let cookie: string;
let exited: number | null | undefined;
let report: Report;

beforeAll(async () => {
	({ n8n, cookie } = await startN8nWithWorkflows({
		prefix: 'n8n-b2b-fuzz-',
		port: PORT,
		env: {
			N8N_PAYLOAD_SIZE_MAX: String(PAYLOAD_LIMIT_MB),
			// n8n's default "vm" engine starts two fresh V8 isolates for each call of a trigger with a credential
			// (one for the webhook, one to resolve the credential), which would stretch this run past ten minutes
			// on two cores. The trigger's parameters and credential hold no expressions: it sees the same either way.
			N8N_EXPRESSION_ENGINE: 'legacy',
		},
		credentials: [{ ...CREDENTIAL, type: 'b2bWebhookSecretApi', data: { secret: SECRET, format: 'text' } }],
		workflows: [signedWebhookWorkflow(WORKFLOW_ID, WEBHOOK_ID, CREDENTIAL)],
	}));
	n8n.process.once('exit', (code) => (exited = code));
	await webhookRegistered(`${n8n.url}${WEBHOOK_PATH}`);
	report = await fuzz();
	const { accepted, refusedValid, ...summary } = report;
	console.log(JSON.stringify({ seed: SEED, ...summary, accepted: accepted.length, refusedValid: refusedValid.length }));
}, 1_800_000);

afterAll(async () => {
	agent.destroy();
	await n8n?.stop();
});

async function executions(status?: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID, ...(status ? { status: [status] } : {}) }));
	const response = await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=1`, { headers: { cookie } });
	return ((await response.json()) as { data: { count: number } }).data.count;
}

describe(`${MUTATED} fuzzed webhook requests to an active Signed Webhook Trigger`, () => {
	it('accepts none of them', () => {
		expect(report.mutatedSent).toBe(MUTATED);
		expect({ seed: SEED, accepted: report.accepted }).toEqual({ seed: SEED, accepted: [] });
		// The mutations reach the signature and replay checks themselves, not only the header and body readers.
		expect(report.byStatus[401]).toBeGreaterThan(MUTATED / 10);
		for (const family of ['fresh', 're-signed', 'replay']) expect(report.byFamily[family]).toBeGreaterThan(MUTATED / 10);
	});

	it('accepts every valid request sent between them', () => {
		expect(report.validSent).toBe(MUTATED / VALID_EVERY + 1);
		expect({ seed: SEED, refusedValid: report.refusedValid }).toEqual({ seed: SEED, refusedValid: [] });
	});

	it('leaves n8n running and healthy', async () => {
		expect(exited).toBeUndefined();
		expect((await fetch(`${n8n.url}/healthz`)).status).toBe(200);
	});

	it('starts exactly one successful execution per valid request, and none for the others', async () => {
		for (let waited = 0; waited < 60_000 && (await executions()) < report.validSent; waited += 500)
			await new Promise((done) => setTimeout(done, 500));
		// Anything still to come would show now.
		await new Promise((done) => setTimeout(done, 2000));
		expect(await executions()).toBe(report.validSent);
		expect(await executions('success')).toBe(report.validSent);
	});

	it("keeps the signing secret out of n8n's output", () => {
		expect(n8n.log().includes(SECRET)).toBe(false);
	});
});
