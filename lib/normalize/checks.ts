import type { InputProblem } from './input-problem';
import { isValidDomain, isValidEmail, normalizeDomain, normalizeEmail } from './values';

/**
 * How a value is checked before a node sends it:
 * - `email`, `website`: text in that format (a website may be a bare domain or a URL);
 * - `line`: one value such as a name, title or company, at most MAX_LINE characters;
 * - `text`: free text of any length (details, notes);
 * - `phone`: text, or a number (spreadsheets give phones as numbers);
 * - `id`: a whole number from 1, or text holding one;
 * - `flag`: true or false, or the text "true" or "false";
 * - `list`: a list (its entries are checked on their own).
 */
export type FieldRule = 'email' | 'website' | 'line' | 'text' | 'phone' | 'id' | 'flag' | 'list';

/**
 * Longer than any name, title or company: such a value is a pasted blob, and a provider would
 * cut it short without a word or refuse it with a message that does not say which field.
 */
export const MAX_LINE = 1000;

/** Tab, line feed and carriage return are ordinary whitespace in pasted text. */
const WHITESPACE_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Why a text cannot be stored as it is: an invisible control character (NUL among them) or half
 * of a surrogate pair, which no provider can save as UTF-8. Accents, CJK, right-to-left scripts,
 * emoji and combining marks are text like any other.
 */
export function brokenText(value: string): string | undefined {
	for (let index = 0; index < value.length; index++) {
		const code = value.charCodeAt(index);
		if ((code < 0x20 && !WHITESPACE_CONTROLS.has(code)) || (code >= 0x7f && code <= 0x9f)) {
			return `contains a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at position ${index + 1}`;
		}
		if (isHigh(code) && isLow(value.charCodeAt(index + 1))) index++;
		else if (isHigh(code) || isLow(code)) return `contains broken Unicode (half of a surrogate pair) at position ${index + 1}`;
	}
	return undefined;
}

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'boolean') return `${String(value)} (a boolean)`;
	return `a ${typeof value}`;
}

/** The value as it may appear in a message: never whole, since it may be a 10,000-character blob. */
export function preview(value: unknown): string {
	const shown = String(value);
	return shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
}

/** A value that should have been a number or a flag, as a message shows it. */
function shown(value: unknown): string {
	if (typeof value === 'string') return `"${preview(value)}"`;
	return typeof value === 'number' ? String(value) : kindOf(value);
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export type Checked = { value: unknown; problem?: undefined } | { value?: undefined; problem: InputProblem };

/** A value that is not text (a phone given as a number is converted). */
function textOf(field: string, value: unknown, rule: FieldRule): Checked {
	if (rule === 'phone' && typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
	if (typeof value !== 'string') return { problem: { field, message: `${field} must be text, not ${kindOf(value)}` } };
	const broken = brokenText(value);
	if (broken) return { problem: { field, message: `${field} ${broken}` } };
	return { value };
}

/**
 * Checks one value against its rule: an empty value passes (whether it is required is the
 * caller's concern); ids and flags given as text are converted to their type.
 */
export function checkValue(field: string, value: unknown, rule: FieldRule): Checked {
	if (isEmpty(value)) return { value };
	if (rule === 'id') {
		const id = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
		return typeof id === 'number' && Number.isSafeInteger(id) && id >= 1
			? { value: id }
			: { problem: { field, message: `${field} must be a whole number from 1, not ${shown(value)}` } };
	}
	if (rule === 'flag') {
		if (typeof value === 'boolean') return { value };
		const flag = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
		return flag === 'true' || flag === 'false'
			? { value: flag === 'true' }
			: { problem: { field, message: `${field} must be true or false, not ${shown(value)}` } };
	}
	if (rule === 'list')
		return Array.isArray(value) ? { value } : { problem: { field, message: `${field} must be a list, not ${kindOf(value)}` } };
	const checked = textOf(field, value, rule);
	if (checked.problem) return checked;
	const text = checked.value as string;
	if (rule === 'email' && !isValidEmail(normalizeEmail(text) ?? ''))
		return { problem: { field, message: `${field} "${preview(text)}" is not a valid email address` } };
	if (rule === 'website' && !isValidDomain(normalizeDomain(text) ?? ''))
		return { problem: { field, message: `${field} "${preview(text)}" is not a valid domain` } };
	if (rule === 'line' && text.length > MAX_LINE)
		return {
			problem: {
				field,
				message: `${field} is ${text.length.toLocaleString('en-US')} characters long: at most ${MAX_LINE.toLocaleString('en-US')} are accepted`,
			},
		};
	return checked;
}

/** The first value that fails its rule, in the order given. */
export function firstProblem(checks: Array<[field: string, value: unknown, rule: FieldRule]>): InputProblem | undefined {
	for (const [field, value, rule] of checks) {
		const { problem } = checkValue(field, value, rule);
		if (problem) return problem;
	}
	return undefined;
}

/**
 * A record with the fields that have a rule checked and converted (ids and flags given as text);
 * other fields are left as they are. `required` fields must not be empty.
 */
export function checkRecord<T extends Record<string, unknown>>(
	record: T,
	rules: Record<string, FieldRule>,
	required: Array<{ field: string; why: string }> = [],
): { record: T; problem?: undefined } | { record?: undefined; problem: InputProblem } {
	const missing = required.find(({ field }) => isEmpty(record[field]));
	if (missing) return { problem: { field: missing.field, message: `${missing.field} is required: ${missing.why}` } };
	const checked: Record<string, unknown> = { ...record };
	for (const [field, rule] of Object.entries(rules)) {
		if (!(field in record)) continue;
		const result = checkValue(field, record[field], rule);
		if (result.problem) return { problem: result.problem };
		checked[field] = result.value;
	}
	return { record: checked as T };
}
