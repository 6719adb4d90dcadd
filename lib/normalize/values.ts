/**
 * Normalizing and validating the values records are matched on. Matching (deduplication, the
 * HaloPSA sync) depends on these being the same everywhere, so there is exactly one of each.
 */

/**
 * The part before the @: at most 64 characters, no spaces, quotes, brackets, control characters
 * or broken Unicode, no leading, trailing or doubled dot. Other Unicode is allowed (RFC 6531).
 */
const LOCAL_PART = /^(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\]\\\p{Cc}\p{Cs}]{1,64}(?<!\.)$/u;
/** Letters, digits and hyphens per label; the top level is letters, or an IDN's `xn--` form. */
const DOMAIN = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Lower-cased and trimmed; undefined for empty input. Does not validate. */
export function normalizeEmail(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const email = value.trim().toLowerCase();
	return email === '' ? undefined : email;
}

export function isValidEmail(email: string): boolean {
	const at = email.lastIndexOf('@');
	return email.length <= 254 && at > 0 && LOCAL_PART.test(email.slice(0, at)) && isValidDomain(email.slice(at + 1).toLowerCase());
}

/**
 * A website, URL or email reduced to its host: `https://www.Acme.com/about` → `acme.com`.
 * Undefined for empty input; the result may still be invalid (see isValidDomain).
 */
export function normalizeDomain(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	let host = value.trim().toLowerCase();
	if (host === '') return undefined;
	if (host.includes('@')) host = host.slice(host.lastIndexOf('@') + 1);
	host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
	host = host.split(/[/?#]/)[0].replace(/:\d+$/, '').replace(/\.$/, '');
	host = host.replace(/^www\d?\./, '');
	return host === '' ? undefined : host;
}

/** An internationalized domain (`münchen.de`) is checked in the ASCII form DNS uses. */
function asciiDomain(domain: string): string {
	if (/^[\x21-\x7e]*$/.test(domain)) return domain;
	try {
		return new URL(`http://${domain}`).hostname;
	} catch {
		return domain;
	}
}

export function isValidDomain(domain: string): boolean {
	const ascii = asciiDomain(domain);
	return ascii.length <= 253 && DOMAIN.test(ascii);
}

export function emailDomain(email: string | undefined): string | undefined {
	return email?.includes('@') ? normalizeDomain(email) : undefined;
}

/**
 * For matching names: case, accents, punctuation, spacing and common legal suffixes removed.
 * Letters of every script count, so "王 & Co" and "山田 & Co" stay two names; only Latin, Greek
 * and Cyrillic lose their accents, since elsewhere (Devanagari vowel signs, kana voicing marks)
 * a combining mark makes another word.
 */
export function normalizeName(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const name = value
		.normalize('NFKD')
		.replace(/(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*)\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
		.replace(/\b(inc|incorporated|llc|ltd|limited|corp|corporation|co|company|gmbh|plc|pty|sa|ag|bv)\b/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return name === '' ? undefined : name;
}

/** A trimmed non-empty string, or undefined: providers send "", null and whitespace for "unknown". */
export function text(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

export function num(value: unknown): number | undefined {
	const parsed = typeof value === 'string' ? Number(value.replace(/[,$\s]/g, '')) : value;
	return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** Drops undefined fields (and empty nested objects) so records only carry what is known. */
export function compact<T extends object>(record: T): T {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value) && value.length === 0) continue;
		if (typeof value === 'object' && !Array.isArray(value)) {
			const nested = compact(value as object);
			if (Object.keys(nested).length > 0) result[key] = nested;
			continue;
		}
		result[key] = value;
	}
	return result as T;
}

/**
 * The first phone of the preferred types, in order (`undefined` stands for a phone whose type is
 * not known). Callers differ: a CRM wants a mobile first, a dialer a direct line.
 */
export function pickPhone(phones: unknown, preference: Array<'work' | 'mobile' | 'direct' | 'other' | undefined>): string | undefined {
	if (!Array.isArray(phones)) return undefined;
	const list = phones.filter((entry): entry is { type?: string; number?: unknown } => entry !== null && typeof entry === 'object');
	for (const type of preference) {
		const phone = list.find((entry) => entry.type === type && text(entry.number) !== undefined);
		if (phone) return text(phone.number);
	}
	return undefined;
}
