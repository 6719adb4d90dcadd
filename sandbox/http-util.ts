/** Reading requests and writing answers; providers return a Reply or throw an HttpError. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
	status: number;
	/** Serialized as JSON unless `contentType` says otherwise (then it must be a string). */
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
}

/** Thrown anywhere in a handler to answer at once (auth refused, validation, limits). */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		readonly headers: Record<string, string> = {},
	) {
		super(`HTTP ${status}`);
	}

	toReply(): Reply {
		return { status: this.status, body: this.body, headers: this.headers };
	}
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): Reply {
	return { status, body, headers };
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * Only bodies declared as JSON or form are parsed: a client that forgets its Content-Type then
 * sees its fields ignored, as it would against the real API.
 */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	const text = raw.toString('utf8');
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('json')) {
		try {
			return JSON.parse(text) as unknown;
		} catch (error) {
			throw new HttpError(400, { error: 'Malformed JSON', message: (error as Error).message });
		}
	}
	if (type.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	return text;
}

export function sendReply(res: ServerResponse, reply: Reply): void {
	const isJson = reply.contentType === undefined;
	const payload = reply.body === undefined ? '' : isJson ? JSON.stringify(reply.body) : String(reply.body);
	res.writeHead(reply.status, {
		...(payload ? { 'content-type': reply.contentType ?? 'application/json; charset=utf-8' } : {}),
		'content-length': Buffer.byteLength(payload),
		...reply.headers,
	});
	res.end(payload);
}

export function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Query as a plain object for the log; repeated keys become arrays. */
export function queryObject(query: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const key of new Set(query.keys())) {
		const values = query.getAll(key);
		result[key] = values.length === 1 ? values[0] : values;
	}
	return result;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body as an object, or an empty one; providers then check fields themselves. */
export function bodyRecord(body: unknown): Record<string, unknown> {
	return isRecord(body) ? body : {};
}

export function optString(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** Numbers arrive as JSON numbers or query strings; anything else is absent. */
export function optNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}

export function optBool(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	return undefined;
}

/** A list given as an array, a single value or a comma-separated string. */
export function optList(value: unknown): string[] | undefined {
	if (Array.isArray(value)) return value.map(String).filter((item) => item !== '');
	const single = optString(value);
	return single === undefined
		? undefined
		: single
				.split(',')
				.map((item) => item.trim())
				.filter(Boolean);
}

/** HTTP Basic credentials, or undefined when the header is absent or not Basic. */
export function basicAuth(headers: IncomingHttpHeaders): { user: string; password: string } | undefined {
	const header = firstHeader(headers, 'authorization');
	const match = header?.match(/^Basic\s+(.+)$/i);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
	return firstHeader(headers, 'authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
}
