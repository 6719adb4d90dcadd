import { FORM_BODY, JSON_BODY, NOW, SCHEMES, nowSeconds, requestOf } from './schemes';
import type { Parts, SchemeFixture } from './schemes';
import type { SignedRequest, VerifyResult } from '../../lib/signatures';

function flipByte(bytes: Buffer, index: number): Buffer {
	const copy = Buffer.from(bytes);
	copy[index] ^= 0x01;
	return copy;
}

/** The signature text with its bytes changed by `change` (or, for plain-text secrets, its characters). */
function alterSignature(fixture: SchemeFixture, parts: Parts, change: (bytes: Buffer) => Buffer): Parts {
	const encoding = fixture.encoding === 'text' ? 'utf8' : fixture.encoding;
	return { ...parts, signature: change(Buffer.from(parts.signature, encoding)).toString(encoding) };
}

function verify(fixture: SchemeFixture, request: SignedRequest): VerifyResult {
	let result: VerifyResult | undefined;
	expect(() => (result = fixture.verify(request, NOW))).not.toThrow();
	return result as VerifyResult;
}

const refusal = (status: 400 | 401) => expect.objectContaining({ ok: false, status, reason: expect.any(String) });

describe.each(SCHEMES.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
	const check = (parts: Parts, edit: (headers: SignedRequest['headers']) => void = () => {}) => {
		const request = requestOf(fixture, parts);
		edit(request.headers);
		return verify(fixture, request);
	};
	const header = fixture.signatureHeader.toLowerCase();

	it('accepts a valid JSON body and a valid form body, reporting its method', () => {
		expect(check(fixture.sign(JSON_BODY))).toMatchObject({ ok: true, method: fixture.method });
		expect(verify(fixture, requestOf(fixture, fixture.sign(FORM_BODY), 'application/x-www-form-urlencoded'))).toMatchObject({ ok: true });
	});

	it('refuses the wrong secret or key with 401', () => {
		expect(check(fixture.sign(JSON_BODY, { wrongSecret: true }))).toEqual(refusal(401));
	});

	it(
		fixture.signsBody
			? 'refuses one flipped byte anywhere in the body with 401'
			: 'does not cover the body (HaloPSA sends the secret as it is)',
		() => {
			const parts = fixture.sign(JSON_BODY);
			for (const index of [0, 7, JSON_BODY.length - 1]) {
				const result = check({ ...parts, body: flipByte(JSON_BODY, index) });
				if (fixture.signsBody) expect(result).toEqual(refusal(401));
				else expect(result.ok).toBe(true);
			}
		},
	);

	it('refuses one flipped byte in the signature with 401', () => {
		const parts = fixture.sign(JSON_BODY);
		for (const index of [0, 5]) expect(check(alterSignature(fixture, parts, (bytes) => flipByte(bytes, index)))).toEqual(refusal(401));
	});

	it('refuses a truncated signature without an exception', () => {
		const parts = fixture.sign(JSON_BODY);
		expect(check(alterSignature(fixture, parts, (bytes) => bytes.subarray(0, bytes.length - 1)))).toEqual(refusal(401));
		// Down to one byte a Basic login loses its colon: unreadable rather than wrong.
		expect(check(alterSignature(fixture, parts, (bytes) => bytes.subarray(0, 1)))).toEqual(refusal(fixture.method === 'basic' ? 400 : 401));
		// Cut as text, an encoding may stop being valid (400) or still decode to other bytes (401).
		const cut = check({ ...parts, signature: parts.signature.slice(0, -1) });
		expect(cut.ok === false && [400, 401].includes(cut.status)).toBe(true);
	});

	it('refuses an oversized signature: 401 when it decodes, 400 when it is huge', () => {
		const parts = fixture.sign(JSON_BODY);
		expect(check(alterSignature(fixture, parts, (bytes) => Buffer.concat([bytes, Buffer.from('A')])))).toEqual(refusal(401));
		expect(check(alterSignature(fixture, parts, (bytes) => Buffer.concat([bytes, bytes])))).toEqual(refusal(401));
		expect(check({ ...parts, signature: parts.signature.repeat(Math.ceil(20_000 / parts.signature.length)) })).toEqual(refusal(400));
	});

	it('refuses a signature that is not in its encoding, or not ASCII, with 400', () => {
		const parts = fixture.sign(JSON_BODY);
		expect(check({ ...parts, signature: `${parts.signature.slice(0, -2)}é` })).toEqual(refusal(400));
		if (fixture.encoding !== 'text') expect(check({ ...parts, signature: `%${parts.signature.slice(1)}` })).toEqual(refusal(400));
	});

	it('refuses a missing or empty header with 401, and a repeated one with 400', () => {
		const parts = fixture.sign(JSON_BODY);
		expect(check(parts, (headers) => delete headers[header])).toEqual(refusal(401));
		expect(check(parts, (headers) => (headers[header] = ''))).toEqual(refusal(401));
		expect(check(parts, (headers) => (headers[header] = '   '))).toEqual(refusal(401));
		expect(check(parts, (headers) => (headers[header] = [String(headers[header]), String(headers[header])]))).toEqual(refusal(400));
	});

	it('never throws on bodies of any size', () => {
		const large = Buffer.alloc(2 * 1024 * 1024, 0x61);
		expect(check(fixture.sign(large))).toMatchObject({ ok: true });
		expect(check(fixture.sign(Buffer.alloc(0)))).toMatchObject({ ok: true });
	});

	if (fixture.timestamped) {
		const tolerance = fixture.toleranceSeconds;

		it('accepts a timestamp inside the tolerance and reports it', () => {
			expect(check(fixture.sign(JSON_BODY, { timestamp: nowSeconds(-tolerance + 5) }))).toMatchObject({
				ok: true,
				timestamp: (Math.floor(NOW / 1000) - tolerance + 5) * 1000,
			});
			expect(check(fixture.sign(JSON_BODY, { timestamp: String(NOW + 2000) }))).toMatchObject({ ok: true });
		});

		it('refuses stale and future timestamps with 401, even correctly signed', () => {
			expect(check(fixture.sign(JSON_BODY, { timestamp: nowSeconds(-tolerance - 1) }))).toEqual(refusal(401));
			expect(check(fixture.sign(JSON_BODY, { timestamp: nowSeconds(tolerance + 1) }))).toEqual(refusal(401));
			expect(check(fixture.sign(JSON_BODY, { timestamp: '0' }))).toEqual(refusal(401));
		});

		it('refuses a timestamp changed after signing with 401, and one that is not a time with 400', () => {
			const parts = fixture.sign(JSON_BODY);
			expect(check({ ...parts, timestamp: nowSeconds(1) })).toEqual(refusal(401));
			expect(check(fixture.sign(JSON_BODY, { timestamp: 'yesterday' }))).toEqual(refusal(400));
			expect(check(fixture.sign(JSON_BODY, { timestamp: '1e12' }))).toEqual(refusal(400));
		});
	}
});

describe('scheme specifics', () => {
	const byName = (name: string) => SCHEMES.find((fixture) => fixture.name === name) as SchemeFixture;

	it('GitHub style: the sha256= prefix is required (400 without it) and matched case-insensitively', () => {
		const github = byName('HMAC github');
		const parts = github.sign(JSON_BODY);
		const withHeader = (value: string) => verify(github, { rawBody: JSON_BODY, headers: { 'x-hub-signature-256': value } });
		expect(withHeader(parts.signature)).toEqual(refusal(400));
		expect(withHeader(`sha1=${parts.signature}`)).toEqual(refusal(400));
		expect(withHeader(`SHA256=${parts.signature.toUpperCase()}`)).toMatchObject({ ok: true });
	});

	it('Stripe style: any one valid v1 among several is enough; no t= is 400, no v1= is 401', () => {
		const stripe = byName('HMAC stripe');
		const parts = stripe.sign(JSON_BODY);
		const withHeader = (value: string) => verify(stripe, { rawBody: JSON_BODY, headers: { 'stripe-signature': value } });
		expect(withHeader(`t=${parts.timestamp},v1=${'0'.repeat(64)},v1=${parts.signature},v0=abc`)).toMatchObject({ ok: true });
		expect(withHeader(`v1=${parts.signature}`)).toEqual(refusal(400));
		expect(withHeader(`t=${parts.timestamp},v0=${parts.signature}`)).toEqual(refusal(401));
		expect(withHeader(`t=${parts.timestamp},t=${parts.timestamp},v1=${parts.signature}`)).toEqual(refusal(400));
		expect(withHeader('garbage')).toEqual(refusal(400));
		expect(withHeader(`t=${parts.timestamp},${`v1=${parts.signature},`.repeat(9)}`)).toEqual(refusal(400));
	});

	it('an event id in the layout is signed: changing it is refused, and a missing id header is 401', () => {
		const scheme = byName('HMAC sha1EventId');
		const parts = scheme.sign(JSON_BODY, { eventId: 'msg_1' });
		expect(verify(scheme, requestOf(scheme, parts))).toMatchObject({ ok: true, method: 'hmac-sha1' });
		expect(verify(scheme, requestOf(scheme, { ...parts, eventId: 'msg_2' }))).toEqual(refusal(401));
		const request = requestOf(scheme, parts);
		delete request.headers['webhook-id'];
		expect(verify(scheme, request)).toEqual(refusal(401));
	});

	it('signs the raw bytes: the same JSON re-serialized does not verify', () => {
		const apollo = byName('HMAC apollo');
		const parts = apollo.sign(JSON_BODY);
		const reserialized = Buffer.from(JSON.stringify(JSON.parse(JSON_BODY.toString())));
		expect(reserialized.equals(JSON_BODY)).toBe(false);
		expect(verify(apollo, requestOf(apollo, { ...parts, body: reserialized }))).toEqual(refusal(401));
	});
});
