import type { IDataObject } from 'n8n-workflow';

export type WebhookBody = IDataObject | IDataObject[] | string | number | boolean | null;

export type ParsedBody = { ok: true; body: WebhookBody } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function mediaTypeOf(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function parseJson(text: string): ParsedBody {
	try {
		return { ok: true, body: JSON.parse(text.replace(/^\uFEFF/, '')) as WebhookBody };
	} catch {
		return { ok: false, reason: 'body is not valid JSON' };
	}
}

/** Form fields; a field sent several times becomes a list, as n8n's own form parsing does. */
function parseForm(text: string): ParsedBody {
	const body: IDataObject = {};
	for (const [key, value] of new URLSearchParams(text)) {
		const existing = body[key];
		body[key] = existing === undefined ? value : Array.isArray(existing) ? [...(existing as string[]), value] : [existing as string, value];
	}
	return { ok: true, body };
}

/**
 * The body read from the raw bytes the signature covered, never from n8n's already parsed body:
 * what the workflow receives is then exactly what was verified. JSON and form bodies become
 * objects; other types (text, XML) stay text. An empty body reads as `{}`.
 *
 * Content-Type is not signed, so it must not change what signed bytes mean: bytes that are JSON
 * read as JSON under any type but form, and a replayed event cannot hide its id by being relabelled.
 */
export function parseBody(rawBody: Buffer, contentType: string | undefined): ParsedBody {
	if (rawBody.length === 0) return { ok: true, body: {} };
	let text: string;
	try {
		text = utf8.decode(rawBody);
	} catch {
		return { ok: false, reason: 'body is not UTF-8' };
	}
	const mediaType = mediaTypeOf(contentType);
	if (mediaType === 'application/json' || mediaType.endsWith('+json')) return parseJson(text);
	if (mediaType === 'application/x-www-form-urlencoded') return parseForm(text);
	if (/^\uFEFF?\s*[[{]/.test(text)) {
		const json = parseJson(text);
		if (json.ok) return json;
	}
	return { ok: true, body: text };
}
