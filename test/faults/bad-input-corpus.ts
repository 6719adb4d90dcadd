/**
 * The bad-input corpus: values a workflow really sends (typos, spreadsheet cells, other nodes'
 * objects, mangled encodings) next to valid values that only look unusual. Each bad value comes
 * with the field an error about it must name; each valid one must reach the provider unchanged.
 */

/** Addresses no provider would take: the message must say "email ... is not a valid email address". */
export const MALFORMED_EMAILS = [
	'a@',
	'@b.com',
	'a b@c.com',
	'a@b',
	'a@@b.com',
	'a@b@c.com',
	'a@b.com.',
	'.ada@example.com',
	'ada.@example.com',
	'ada..lovelace@example.com',
	`${'x'.repeat(300)}@example.com`,
	`${'x'.repeat(65)}@example.com`,
	'ada@exa mple.com',
	'ada@localhost',
	'ada@192.168.0.1',
	'ada@example.c',
	'ada@-example.com',
];

/** Websites and domains that name no public host: the message must say "... is not a valid domain". */
export const MALFORMED_WEBSITES = [
	'http://',
	'https:///about',
	'not a domain',
	'exa mple.com',
	'192.168.0.1',
	'http://10.0.0.1/about',
	'[::1]',
	'localhost',
	'https://localhost:8080/',
	'acme',
	'-acme.com',
	`${'a'.repeat(64)}.com`,
	`${'sub.'.repeat(70)}example.com`,
];

/** Text a provider cannot store as it is: invisible controls and half surrogate pairs. */
export const BROKEN_TEXT: Array<[label: string, value: string, says: RegExp]> = [
	['NUL', 'Ada\u0000Lovelace', /control character \(U\+0000\)/],
	['BEL', 'Ada\u0007', /control character \(U\+0007\)/],
	['an ANSI escape', '\u001b[31mAda', /control character \(U\+001B\)/],
	['DEL', 'Ada\u007f', /control character \(U\+007F\)/],
	['a C1 control (mojibake)', 'Ada\u0085', /control character \(U\+0085\)/],
	['a lone high surrogate', 'Ada \ud83d', /broken Unicode/],
	['a lone low surrogate', '\ude00 Ada', /broken Unicode/],
	['a reversed surrogate pair', 'Ada \ude00\ud83d', /broken Unicode/],
];

/** Values of the wrong type where text is expected, as expressions and other nodes produce them. */
export const WRONG_TYPES: Array<[label: string, value: unknown, says: RegExp]> = [
	['a number', 42, /must be text, not a number/],
	['an object', { value: 'Ada' }, /must be text, not an object/],
	['a nested object', { name: { first: 'Ada' } }, /must be text, not an object/],
	['a list', ['Ada', 'Lovelace'], /must be text, not a list/],
	['true', true, /must be text, not true/],
	['false', false, /must be text, not false/],
];

/** Longer than any name: a pasted blob. */
export const TOO_LONG = 'Lovelace '.repeat(1_200);

/** The longest accepted name: exactly at the limit, so it must pass. */
export const LONGEST_NAME = 'N'.repeat(1_000);

/**
 * Names in many scripts, which must arrive exactly as given (no normalization: a decomposed
 * "é" stays decomposed, an emoji sequence stays joined).
 */
export const VALID_NAMES: Array<[first: string, last: string]> = [
	['Zoë', 'Ñúñez-Ångström'],
	['小明', '王'],
	['さくら', '山田'],
	['محمد', 'الأحمد'],
	['דוד', 'כהן'],
	['Ada 🦄', 'Love👩‍💻lace'],
	['José', 'Nguyễn'],
	['Jose\u0301', 'Zo\u0308e'],
	['श्रीनिवास', 'रामानुजन'],
	['Seán', "O'Brien-Smyth"],
	['Ζωή', 'Παπαδοπούλου'],
	['Łukasz', 'Żółć'],
];

/** Addresses that are valid but rare, which must not be refused. */
export const UNUSUAL_EMAILS = [
	"o'brien+b2b@sub.example.co.uk",
	'ADA.LOVELACE@EXAMPLE.ORG',
	'josé@example.net',
	'ada@xn--mnchen-3ya.de',
	'ada@münchen.de',
	'a_b-c=d@example.io',
];

/** Websites that are valid but rare, which must not be refused. */
export const UNUSUAL_WEBSITES = [
	'https://www.example.co.uk/about?x=1#team',
	'EXAMPLE.ORG',
	'example.com:8443',
	'münchen.de',
	'xn--e1afmkfd.xn--p1ai',
	'http://www2.example.info/',
];
