import { constantTimeEqual } from './compare';
import { decodeSignature } from './encoding';
import { readHeader } from './headers';
import type { SignedRequest } from './headers';
import type { VerifyResult } from './result';
import { malformed, unauthorized, verified } from './result';

/**
 * The authentication a sender such as HaloPSA puts on its calls: a shared secret sent as it is.
 * Every comparison is constant-time and both halves of a Basic login are always compared, so
 * neither the timing nor the answer says which half was wrong.
 */

const BASIC = /^basic\s+(\S+)$/i;
const BEARER = /^bearer\s+(\S.*)$/i;

export function verifyBasic(request: SignedRequest, username: string, password: string): VerifyResult {
	if (username === '' && password === '') return unauthorized('no username or password is configured');
	const header = readHeader(request.headers, 'authorization');
	if (!('value' in header)) return header;
	const match = BASIC.exec(header.value);
	if (match === null) return unauthorized('authorization is not Basic');
	const decoded = decodeSignature(match[1], 'base64')?.toString('utf8');
	const separator = decoded?.indexOf(':') ?? -1;
	if (decoded === undefined || separator < 0) return malformed('Basic credentials are not base64 of user:password');
	const userMatches = constantTimeEqual(decoded.slice(0, separator), username);
	const passwordMatches = constantTimeEqual(decoded.slice(separator + 1), password);
	return userMatches && passwordMatches ? verified('basic') : unauthorized('wrong username or password');
}

export function verifyBearer(request: SignedRequest, token: string): VerifyResult {
	if (token === '') return unauthorized('no bearer token is configured');
	const header = readHeader(request.headers, 'authorization');
	if (!('value' in header)) return header;
	const match = BEARER.exec(header.value);
	if (match === null) return unauthorized('authorization is not Bearer');
	return constantTimeEqual(match[1].trim(), token) ? verified('bearer') : unauthorized('wrong bearer token');
}

export function verifyHeaderSecret(request: SignedRequest, headerName: string, value: string): VerifyResult {
	if (headerName.trim() === '' || value === '') return unauthorized('no API key header is configured');
	const header = readHeader(request.headers, headerName.trim());
	if (!('value' in header)) return header;
	return constantTimeEqual(header.value, value) ? verified('api-key') : unauthorized(`wrong ${headerName.trim()}`);
}

/**
 * A secret carried in the webhook URL's query string, for senders that sign nothing (Apollo's phone
 * reveal callbacks). Only one value is accepted: a repeated parameter is a malformed URL, not a second guess.
 */
export function verifyUrlSecret(query: unknown, parameter: string, secret: string): VerifyResult {
	const name = parameter.trim();
	if (name === '' || secret === '') return unauthorized('no URL secret is configured');
	const value = query !== null && typeof query === 'object' ? (query as Record<string, unknown>)[name] : undefined;
	if (value === undefined || value === '') return unauthorized(`the URL carries no ${name}`);
	if (typeof value !== 'string') return malformed(`the URL carries ${name} more than once`);
	return constantTimeEqual(value, secret) ? verified('url-secret') : unauthorized(`wrong ${name} in the URL`);
}
