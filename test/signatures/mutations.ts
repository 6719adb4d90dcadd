/**
 * Random mutations of a signed request, from a seeded PRNG so a failure replays, and the test of
 * whether a mutation still means the same request. Shared by the unit fuzzer (the verifiers alone)
 * and the end-to-end fuzzer (the trigger in a running n8n).
 */
import { between, pick } from '../../sandbox/prng';
import type { Random } from '../../sandbox/prng';
import { requestOf } from './schemes';
import type { Parts, SchemeFixture } from './schemes';
import type { SignedRequest } from '../../lib/signatures';

export const PRINTABLE = [...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~'];
/** Past any header limit, short enough that mutations of mutations stay fast. */
const MAX_TEXT = 20_000;
export const NASTY = ['\u0000', '\n', '\r', '\t', 'é', '\u202e', '\uffff', '😀'];

export function randomText(random: Random, length: number): string {
	return Array.from({ length }, () => (random() < 0.05 ? pick(random, NASTY) : pick(random, PRINTABLE))).join('');
}

function mutateText(random: Random, text: string): string {
	const at = between(random, 0, Math.max(0, text.length - 1));
	switch (between(random, 0, 8)) {
		case 0:
			return text.slice(0, at) + pick(random, PRINTABLE) + text.slice(at + 1);
		case 1:
			return text.slice(0, at) + pick(random, PRINTABLE) + text.slice(at);
		case 2:
			return text.slice(0, at) + text.slice(at + 1);
		case 3:
			return text.slice(0, between(random, 0, text.length));
		case 4:
			return text + randomText(random, between(random, 1, 40));
		case 5:
			return randomText(random, text.length);
		case 6:
			return text.slice(0, at) + pick(random, NASTY) + text.slice(at);
		case 7:
			return text.repeat(between(random, 2, 300)).slice(0, MAX_TEXT);
		default:
			return '';
	}
}

function mutateBody(random: Random, body: Buffer): Buffer {
	const copy = Buffer.from(body);
	const at = between(random, 0, Math.max(0, copy.length - 1));
	switch (between(random, 0, 4)) {
		case 0:
			copy[at] ^= 1 << between(random, 0, 7);
			return copy;
		case 1:
			return Buffer.concat([copy.subarray(0, at), Buffer.from([between(random, 0, 255)]), copy.subarray(at)]);
		case 2:
			return Buffer.concat([copy.subarray(0, at), copy.subarray(at + 1)]);
		case 3:
			return Buffer.concat([copy, Buffer.from(pick(random, [' ', '\n', '{}', ',']))]);
		default:
			return copy.subarray(0, between(random, 0, copy.length - 1));
	}
}

/** One to three mutations of the parts, then possibly of the headers themselves. */
export function mutate(random: Random, fixture: SchemeFixture, parts: Parts): SignedRequest {
	const mutated: Parts = { ...parts };
	for (let count = between(random, 1, 3); count > 0; count--) {
		const targets = ['signature', 'signature'];
		if (fixture.signsBody) targets.push('body', 'body');
		if (mutated.timestamp !== undefined) targets.push('timestamp');
		if (mutated.eventId !== undefined) targets.push('eventId');
		const target = pick(random, targets);
		if (target === 'body') mutated.body = mutateBody(random, mutated.body);
		else if (target === 'signature') mutated.signature = mutateText(random, mutated.signature);
		else if (target === 'timestamp') mutated.timestamp = mutateText(random, mutated.timestamp ?? '');
		else mutated.eventId = mutateText(random, mutated.eventId ?? '');
	}
	const request = requestOf(fixture, mutated);
	if (random() < 0.1) {
		const names = Object.keys(fixture.headers(mutated));
		const name = pick(random, names);
		if (random() < 0.5) delete request.headers[name];
		else request.headers[name] = [String(request.headers[name]), String(request.headers[name])];
	}
	return request;
}

/** The signature as the scheme reads it: hex ignores case, base64 has two alphabets and optional padding. */
function canonical(fixture: SchemeFixture, text: string): string {
	const trimmed = text.trim();
	if (fixture.encoding === 'hex') return trimmed.toLowerCase();
	if (fixture.encoding === 'base64') return trimmed.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
	return trimmed;
}

export function sameMeaning(fixture: SchemeFixture, original: SignedRequest, mutated: SignedRequest, parts: Parts): boolean {
	if (fixture.signsBody && !mutated.rawBody.equals(original.rawBody)) return false;
	const names = new Set([...Object.keys(original.headers), ...Object.keys(mutated.headers)]);
	for (const name of names) {
		const [a, b] = [original.headers[name], mutated.headers[name]];
		if (typeof a !== 'string' || typeof b !== 'string') {
			if (a !== b) return false;
		} else if (name === fixture.signatureHeader.toLowerCase()) {
			if (canonical(fixture, b.replace(a.slice(0, a.length - parts.signature.length), '')) !== canonical(fixture, parts.signature))
				return false;
		} else if (a.trim() !== b.trim()) {
			return false;
		}
	}
	return true;
}
