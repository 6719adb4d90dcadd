function valueAt(body: unknown, path: string): unknown {
	let value: unknown = body;
	for (const key of path.split('.'))
		value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
	return value;
}

/** A text answer as words: a gateway's HTML error page says "502 Bad Gateway" in its markup. */
function plainText(body: string): string | undefined {
	const text = (body.trimStart().startsWith('<') ? body.replace(/<[^>]*>/g, ' ') : body).replace(/\s+/g, ' ').trim();
	return text === '' ? undefined : text.slice(0, 500);
}

/**
 * The first non-empty string found at any of the given dotted paths in an error body, or the
 * body itself when a provider answers with plain text. Arrays of messages are joined.
 */
export function messageAt(body: unknown, ...paths: string[]): string | undefined {
	if (typeof body === 'string') return plainText(body);
	for (const path of paths) {
		let value = valueAt(body, path);
		if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) value = value.join('; ');
		if (typeof value === 'string' && value.trim() !== '') return value;
	}
	return undefined;
}

/** Where error bodies keep their message, across the shapes REST APIs answer with. */
const MESSAGE_PATHS = ['message', 'error.message', 'error_description', 'errors.0.message', 'errors.0', 'error', 'detail', 'title', 'msg'];
const CODE_PATHS = ['code', 'error_code', 'errorCode', 'error.code', 'errors.0.code'];

/**
 * The provider's own words for a refusal: its profile's reading of the body, else the message and code
 * of any common error shape, else the body itself. The HTTP client's "Request failed with status code
 * 400" says nothing the status does not, so it is used only when the answer had no body at all.
 */
export function providerErrorText(body: unknown, fromProfile: string | undefined, status: number): string | undefined {
	if (fromProfile !== undefined) return fromProfile;
	if (body === undefined || body === null || body === '') return undefined;
	const message = messageAt(body, ...MESSAGE_PATHS);
	const code = CODE_PATHS.map((path) => valueAt(body, path)).find(
		(value) => (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && value !== status),
	);
	if (message !== undefined) return code !== undefined && !message.includes(String(code)) ? `${message} (${String(code)})` : message;
	return typeof body === 'object' ? JSON.stringify(body).slice(0, 300) : String(body).slice(0, 300);
}

/** A credential field read as a URL without its trailing slash. */
export function urlField(credentials: Record<string, unknown>, field: string): string {
	return String(credentials[field] ?? '')
		.trim()
		.replace(/\/+$/, '');
}
