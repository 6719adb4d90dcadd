/** The value at a dotted path (`data.object.id`) in a parsed body, or undefined. */
export function valueAt(body: unknown, path: string): unknown {
	let value = body;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/** A comma- or newline-separated parameter as a list of non-empty, trimmed entries. */
export function listOf(text: unknown): string[] {
	return String(text ?? '')
		.split(/[,\n]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/** Whether a value is one of the allowed ones (case-insensitive); an empty list allows everything. */
export function isAllowed(value: unknown, allowed: string[]): boolean {
	if (allowed.length === 0) return true;
	if (typeof value !== 'string' && typeof value !== 'number') return false;
	const text = String(value).toLowerCase();
	return allowed.some((entry) => entry.toLowerCase() === text);
}
