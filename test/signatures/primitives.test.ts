import { generateKeyPairSync } from 'crypto';

import { HIGHLEVEL_ED25519_SPKI } from '../../nodes/GoHighLevelTrigger/keys';
import {
	ReplayGuard,
	buildSignedPayload,
	checkTimestamp,
	constantTimeEqual,
	decodeSignature,
	hmacSchemeProblem,
	parsePublicKey,
	parseTimestamp,
	readHeader,
	replayGuardFor,
	verifyHmac,
} from '../../lib/signatures';
import { NOW } from './schemes';

describe('constantTimeEqual', () => {
	it('compares values of any length without throwing on a length mismatch', () => {
		expect(constantTimeEqual('abc', 'abc')).toBe(true);
		expect(constantTimeEqual(Buffer.from('abc'), 'abc')).toBe(true);
		expect(constantTimeEqual('abc', 'abcd')).toBe(false);
		expect(constantTimeEqual('', 'a')).toBe(false);
		expect(constantTimeEqual(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
		expect(constantTimeEqual('a'.repeat(1_000_000), 'a'.repeat(999_999))).toBe(false);
		for (const odd of [undefined, null, 42, {}, ['a']]) expect(constantTimeEqual(odd, 'a')).toBe(false);
	});
});

describe('decodeSignature', () => {
	it('decodes strict hex and base64 (both alphabets) and nothing else', () => {
		expect(decodeSignature('00ff', 'hex')).toEqual(Buffer.from([0, 255]));
		expect(decodeSignature('00FF', 'hex')).toEqual(Buffer.from([0, 255]));
		for (const bad of ['0', '0g', '00 ff', '', 'zz']) expect(decodeSignature(bad, 'hex')).toBeUndefined();
		expect(decodeSignature('+/8=', 'base64')).toEqual(Buffer.from([251, 255]));
		expect(decodeSignature('-_8', 'base64')).toEqual(Buffer.from([251, 255]));
		// Buffer.from would silently skip the junk in these and decode something else.
		for (const bad of ['+/8', 'a$bc', 'ab=c', 'abcd=', '====', 'a', 'é']) expect(decodeSignature(bad, 'base64')).toBeUndefined();
		expect(decodeSignature('a'.repeat(5000), 'base64')).toBeUndefined();
	});
});

describe('readHeader', () => {
	it('reads a trimmed value, and tells missing (401) from malformed (400)', () => {
		expect(readHeader({ 'x-sig': ' abc ' }, 'X-Sig')).toEqual({ value: 'abc' });
		expect(readHeader({}, 'x-sig')).toMatchObject({ ok: false, status: 401 });
		expect(readHeader({ 'x-sig': ['a', 'b'] }, 'x-sig')).toMatchObject({ ok: false, status: 400 });
		expect(readHeader({ 'x-sig': 'a\u0000b' }, 'x-sig')).toMatchObject({ ok: false, status: 400 });
		expect(readHeader({ 'x-sig': 'x'.repeat(9000) }, 'x-sig')).toMatchObject({ ok: false, status: 400 });
	});
});

describe('timestamps', () => {
	it('reads epoch seconds, epoch milliseconds and ISO 8601', () => {
		expect(parseTimestamp('1736942400')).toBe(1736942400000);
		expect(parseTimestamp(1736942400)).toBe(1736942400000);
		expect(parseTimestamp('1736942400123')).toBe(1736942400123);
		expect(parseTimestamp('1736942400.5')).toBe(1736942400500);
		expect(parseTimestamp('2025-01-15T12:00:00.000Z')).toBe(NOW);
		expect(parseTimestamp('2025-01-15T13:00:00+01:00')).toBe(NOW);
		for (const bad of ['', 'now', '-5', '1e9', '0x10', 'Infinity', NaN, -1, null, {}, '2025-13-45T99:99:99Z', 'x'.repeat(100)]) {
			expect(parseTimestamp(bad)).toBeUndefined();
		}
	});

	it('refuses outside the tolerance in both directions; 0 turns the window off', () => {
		expect(checkTimestamp(String(NOW / 1000 - 300), 300, NOW)).toEqual({ timestamp: NOW - 300_000 });
		expect(checkTimestamp(String(NOW / 1000 - 301), 300, NOW)).toMatchObject({ ok: false, status: 401 });
		expect(checkTimestamp(String(NOW / 1000 + 301), 300, NOW)).toMatchObject({ ok: false, status: 401 });
		expect(checkTimestamp('1', 0, NOW)).toEqual({ timestamp: 1000 });
		expect(checkTimestamp('soon', 300, NOW)).toMatchObject({ ok: false, status: 400 });
	});
});

describe('signed payload layouts', () => {
	it('puts the raw body bytes (not text) where {body} is', () => {
		const body = Buffer.from([0xff, 0x00, 0x7b]);
		expect(buildSignedPayload('{timestamp}.{body}', { body, timestamp: '12' })).toEqual(Buffer.concat([Buffer.from('12.'), body]));
		expect(buildSignedPayload('v0:{eventId}:{timestamp}:{body}!', { body, timestamp: '1', eventId: 'e' })).toEqual(
			Buffer.concat([Buffer.from('v0:e:1:'), body, Buffer.from('!')]),
		);
	});

	it('refuses scheme settings that would sign too little or name missing parts', () => {
		const base = { signatureHeader: 'x-sig', algorithm: 'sha256', encoding: 'hex' } as const;
		expect(hmacSchemeProblem(base)).toBeUndefined();
		expect(hmacSchemeProblem({ ...base, payloadLayout: '{timestamp}', timestampHeader: 'x-ts' })).toMatch(/\{body\}/);
		expect(hmacSchemeProblem({ ...base, payloadLayout: '{timestamp}.{body}' })).toMatch(/timestamp header/);
		expect(hmacSchemeProblem({ ...base, payloadLayout: '{eventId}.{body}' })).toMatch(/event ID header/);
		expect(hmacSchemeProblem({ ...base, signatureHeader: 'bad header' })).toMatch(/header name/);
		expect(hmacSchemeProblem({ ...base, algorithm: 'md5' as never })).toMatch(/algorithm/);
		// A misconfigured scheme refuses every request instead of throwing or accepting.
		expect(
			verifyHmac({ ...base, payloadLayout: 'x' }, Buffer.from('s'), { headers: { 'x-sig': 'ab' }, rawBody: Buffer.alloc(0) }, NOW),
		).toMatchObject({ ok: false, status: 401 });
		expect(verifyHmac(base, Buffer.alloc(0), { headers: { 'x-sig': 'ab' }, rawBody: Buffer.alloc(0) }, NOW)).toMatchObject({
			ok: false,
			status: 401,
		});
	});
});

describe('public keys', () => {
	it('reads PEM and base64 SPKI, and refuses a key of the wrong type or garbage', () => {
		const ed = generateKeyPairSync('ed25519').publicKey;
		const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
		const pem = (key: typeof ed) => key.export({ format: 'pem', type: 'spki' }).toString();
		const spki = (key: typeof ed) => key.export({ format: 'der', type: 'spki' }).toString('base64');
		expect(parsePublicKey(pem(ed), 'ed25519')?.asymmetricKeyType).toBe('ed25519');
		expect(parsePublicKey(spki(ed), 'ed25519')?.asymmetricKeyType).toBe('ed25519');
		expect(parsePublicKey(pem(rsa), 'rsa-sha256')?.asymmetricKeyType).toBe('rsa');
		expect(parsePublicKey(spki(rsa), 'rsa-sha256')?.asymmetricKeyType).toBe('rsa');
		expect(parsePublicKey(pem(rsa), 'ed25519')).toBeUndefined();
		expect(parsePublicKey(spki(ed), 'rsa-sha256')).toBeUndefined();
		for (const bad of ['', 'not a key', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', 'AAAA'])
			expect(parsePublicKey(bad, 'ed25519')).toBeUndefined();
	});

	it("parses HighLevel's published Ed25519 key", () => {
		expect(parsePublicKey(HIGHLEVEL_ED25519_SPKI, 'ed25519')?.asymmetricKeyType).toBe('ed25519');
	});
});

describe('replay guard', () => {
	it('refuses an id seen inside its window and accepts it again after', () => {
		const guard = new ReplayGuard(1000);
		expect(guard.remember('evt_1', 0)).toBe(true);
		expect(guard.remember('evt_1', 999)).toBe(false);
		expect(guard.remember('evt_2', 999)).toBe(true);
		expect(guard.remember('evt_1', 1000)).toBe(true);
		expect(guard.size).toBe(2);
	});

	it('stays bounded, forgetting the oldest ids first', () => {
		const guard = new ReplayGuard(60_000, 100);
		for (let i = 0; i < 1000; i++) guard.remember(`evt_${i}`, i);
		expect(guard.size).toBe(100);
		expect(guard.remember('evt_999', 1000)).toBe(false);
		expect(guard.remember('evt_0', 1000)).toBe(true);
	});

	it('remembers long ids by hash and keeps one guard per trigger node, holding ids for twice the tolerance', () => {
		const guard = new ReplayGuard(1000);
		expect(guard.remember('x'.repeat(100_000), 0)).toBe(true);
		expect(guard.remember('x'.repeat(100_000), 1)).toBe(false);
		const a = replayGuardFor('wf:a', 300);
		expect(replayGuardFor('wf:a', 300)).toBe(a);
		expect(replayGuardFor('wf:b', 300)).not.toBe(a);
		expect(a.windowMs).toBe(600_000);
	});
});
