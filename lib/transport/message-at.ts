/**
 * The first non-empty string found at any of the given dotted paths in an error body, or the
 * body itself when a provider answers with plain text. Arrays of messages are joined.
 */
export function messageAt(body: unknown, ...paths: string[]): string | undefined {
	if (typeof body === 'string') return body.trim() === '' ? undefined : body.slice(0, 500);
	for (const path of paths) {
		let value: unknown = body;
		for (const key of path.split('.')) {
			value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
		}
		if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) value = value.join('; ');
		if (typeof value === 'string' && value.trim() !== '') return value;
	}
	return undefined;
}

/** A credential field read as a URL without its trailing slash. */
export function urlField(credentials: Record<string, unknown>, field: string): string {
	return String(credentials[field] ?? '')
		.trim()
		.replace(/\/+$/, '');
}
