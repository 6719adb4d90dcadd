/**
 * Keeps secrets out of everything the package shows: error messages, descriptions and the
 * provider bodies attached to errors. Values come from the credential; shapes that are secret
 * wherever they appear (bearer tokens, JWTs) are masked even when the credential did not hold
 * them, because a token renewed mid-run is newer than the credential data read at the start.
 */

/** Credential and body fields whose values are secret (token types, scopes and ids are not). */
const SECRET_FIELD = new RegExp(
	'^(api_?key|x-api-key|.*secret|.*password|private_?key|jwt|token|token-id|authorization|' +
		'access_?token|refresh_?token|id_?token|session_?token|token_?id|private_?integration_?token)$',
	'i',
);
const MASK = '***';
const SECRET_SHAPES = [/\beyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g, /\b(Bearer|Basic)\s+[\w\-.~+/=]{6,}/gi];

export function collectSecrets(credentials: Record<string, unknown>): string[] {
	const found: string[] = [];
	const visit = (value: unknown, fieldIsSecret: boolean): void => {
		if (typeof value === 'string') {
			if (fieldIsSecret && value.length >= 4) found.push(value);
		} else if (value !== null && typeof value === 'object') {
			for (const [key, nested] of Object.entries(value)) visit(nested, fieldIsSecret || SECRET_FIELD.test(key));
		}
	};
	visit(credentials, false);
	return [...new Set(found)].sort((a, b) => b.length - a.length);
}

export function maskSecrets(text: string, secrets: readonly string[]): string {
	let masked = text;
	for (const secret of secrets) masked = masked.split(secret).join(MASK);
	for (const shape of SECRET_SHAPES)
		masked = masked.replace(shape, (match) => (/^(Bearer|Basic)/i.test(match) ? `${match.split(/\s+/)[0]} ${MASK}` : MASK));
	return masked;
}

export function maskDeep<T>(value: T, secrets: readonly string[]): T {
	if (typeof value === 'string') return maskSecrets(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => maskDeep(entry, secrets)) as T;
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, nested]) => [
				key,
				SECRET_FIELD.test(key) && typeof nested === 'string' ? MASK : maskDeep(nested, secrets),
			]),
		) as T;
	}
	return value;
}
