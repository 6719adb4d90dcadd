import { generateKeyPairSync, verify } from 'crypto';

import { base64UrlEncode, normalizePem, signRs256Jwt } from '../../lib/auth/jwt';
import { zoomInfoPkiClaims } from '../../lib/auth/zoomInfo';
import { fromBase64Url, readJwt } from './jwtParts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PKCS8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PKCS1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

describe('base64url', () => {
	it('uses the URL alphabet without padding and round-trips', () => {
		const bytes = Buffer.from([0xfb, 0xff, 0xfe, 0x3e, 0x3f]);
		const encoded = base64UrlEncode(bytes);
		expect(encoded).toBe('-__-Pj8');
		expect(fromBase64Url(encoded)).toEqual(bytes);
		expect(base64UrlEncode('{"a":1}')).toBe('eyJhIjoxfQ');
	});
});

describe('signRs256Jwt', () => {
	const claims = zoomInfoPkiClaims('zi-user@example.com', 'zi-pki-client', 1_700_000_000);

	it.each([
		['PKCS#8', PKCS8],
		['PKCS#1', PKCS1],
	])('signs with a %s key so that the public key verifies it', (_format, pem) => {
		expect(readJwt(signRs256Jwt(claims, pem), publicKey)).toEqual({
			header: { alg: 'RS256', typ: 'JWT' },
			claims,
			signatureValid: true,
		});
	});

	it('produces a signature that fails for tampered claims', () => {
		const [header, , signature] = signRs256Jwt(claims, PKCS8).split('.');
		const forged = base64UrlEncode(JSON.stringify({ ...claims, username: 'someone-else' }));
		expect(verify('sha256', Buffer.from(`${header}.${forged}`), publicKey, fromBase64Url(signature))).toBe(false);
	});

	it('throws on something that is not a key', () => {
		expect(() => signRs256Jwt(claims, 'not a key')).toThrow();
	});
});

describe('zoomInfoPkiClaims', () => {
	it('carries the claims ZoomInfo expects, valid from a minute ago for four minutes', () => {
		expect(zoomInfoPkiClaims('user', 'client', 1000)).toEqual({
			aud: 'enterprise_api',
			iss: 'api-client@zoominfo.com',
			username: 'user',
			client_id: 'client',
			iat: 940,
			exp: 1240,
		});
	});

	it('defaults to the current time', () => {
		const now = Math.floor(Date.now() / 1000);
		const { iat, exp } = zoomInfoPkiClaims('user', 'client');
		expect(iat).toBeGreaterThanOrEqual(now - 61);
		expect(iat).toBeLessThanOrEqual(now - 59);
		expect(exp - iat).toBe(300);
	});
});

describe('normalizePem', () => {
	it('leaves a well-formed PEM as it is', () => {
		expect(normalizePem(PKCS8)).toBe(PKCS8);
	});

	it('restores a PEM pasted on one line', () => {
		expect(normalizePem(PKCS8.replace(/\n/g, ' '))).toBe(PKCS8);
	});

	it('restores a PEM whose line breaks arrived as literal \\n', () => {
		expect(normalizePem(PKCS1.replace(/\n/g, '\\n'))).toBe(PKCS1);
	});

	it('does not touch blocks with headers', () => {
		const legacy = '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nabc\n-----END RSA PRIVATE KEY-----';
		expect(normalizePem(legacy)).toBe(legacy);
	});

	it('signs with a key that lost its line breaks', () => {
		expect(readJwt(signRs256Jwt({ a: 1 }, PKCS8.replace(/\n/g, ' ')), publicKey).signatureValid).toBe(true);
	});
});
