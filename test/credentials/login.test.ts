import type { LoginContext, RequestFailure } from '../../lib/auth/login';
import {
	CredentialLoginError,
	inspectRequestFailure,
	isServiceUnavailable,
	loginFailedError,
	loginRequest,
	requireLoginField,
} from '../../lib/auth/login';
import { axiosFailure, errorText, failWith, fakeHttp, rejectionOf } from './fakeHttp';

const CONTEXT: LoginContext = {
	provider: 'Acme',
	operation: 'login',
	credentialFields: 'Username and Password',
	urlField: 'Base URL',
};

const SECRET = 'correct-horse-battery-staple';

describe('inspectRequestFailure', () => {
	it('keeps only the status and the network code of an axios error', () => {
		const error = axiosFailure({ url: 'https://x', body: { password: SECRET } }, { status: 401 });
		expect(inspectRequestFailure(error)).toEqual({ status: 401, networkCode: 'ERR_BAD_REQUEST' });
	});

	it('reads connection failures that have no response', () => {
		expect(inspectRequestFailure(axiosFailure({ url: 'https://x' }, { code: 'ECONNREFUSED' }))).toEqual({
			networkCode: 'ECONNREFUSED',
		});
	});

	it('copes with things that are not errors', () => {
		expect(inspectRequestFailure('boom')).toEqual({});
		expect(inspectRequestFailure(null)).toEqual({});
	});
});

describe('isServiceUnavailable', () => {
	it.each([
		[{ status: 500 }, true],
		[{ status: 503 }, true],
		[{ networkCode: 'ECONNREFUSED' }, true],
		[{ networkCode: 'ECONNABORTED' }, true],
		[{ networkCode: 'ETIMEDOUT' }, true],
		[{ status: 401 }, false],
		[{ status: 429 }, false],
		[{ networkCode: 'ERR_INVALID_URL' }, false],
		[{}, false],
	])('%j -> %s', (failure, expected) => {
		expect(isServiceUnavailable(failure)).toBe(expected);
	});
});

describe('loginFailedError', () => {
	it.each<[RequestFailure, string]>([
		[{ status: 401 }, 'Acme login failed (HTTP 401): check Username and Password.'],
		[{ status: 403 }, 'Acme login failed (HTTP 403): check Username and Password.'],
		[{ status: 404 }, 'Acme login failed (HTTP 404): the endpoint was not found; check the Base URL.'],
		[{ status: 429 }, 'Acme login failed (HTTP 429): too many requests; wait a minute and try again.'],
		[{ status: 502 }, 'Acme login failed (HTTP 502): the service is unavailable; try again later.'],
		[{ status: 400 }, 'Acme login failed (HTTP 400): the server refused the request; check the Base URL and Username and Password.'],
		[
			{ networkCode: 'ECONNREFUSED' },
			'Acme login failed: could not reach the server (ECONNREFUSED); check the Base URL and that n8n can reach it.',
		],
		[{}, 'Acme login failed: the request could not be sent; check the Base URL.'],
	])('%j', (failure, message) => {
		const error = loginFailedError(failure, CONTEXT);
		expect(error).toBeInstanceOf(CredentialLoginError);
		expect(error.message).toBe(message);
		expect(error.description).toBe(message);
		expect(error.httpCode).toBe(failure.status?.toString());
		expect(error.code).toBeUndefined();
	});

	it('prefixes the code chosen by the context and exposes it', () => {
		const error = loginFailedError({ status: 401 }, { ...CONTEXT, errorCode: () => 'BAD_LOGIN' });
		expect(error.message).toBe('BAD_LOGIN: Acme login failed (HTTP 401): check Username and Password.');
		expect(error.code).toBe('BAD_LOGIN');
	});
});

describe('loginRequest', () => {
	it('sends JSON with a timeout and returns the answer', async () => {
		const { helper, calls } = fakeHttp(() => ({ token: 't' }));
		await expect(loginRequest(helper, { method: 'POST', url: 'https://x/login' }, CONTEXT)).resolves.toEqual({
			token: 't',
		});
		expect(calls[0]).toMatchObject({ json: true, timeout: 30_000, method: 'POST', url: 'https://x/login' });
	});

	it('treats a non-object answer as empty', async () => {
		const { helper } = fakeHttp(() => 'plain text');
		await expect(loginRequest(helper, { url: 'https://x' }, CONTEXT)).resolves.toEqual({});
	});

	it.each([401, 403, 404, 500, 503])('never lets the secret of the request into a %i error', async (status) => {
		const { helper } = fakeHttp(failWith({ status }));
		const request = {
			method: 'POST' as const,
			url: 'https://x/login',
			headers: { Authorization: `Bearer ${SECRET}` },
			body: { password: SECRET },
		};
		expect(errorText(axiosFailure(request, { status }))).toContain(SECRET);
		const error = await rejectionOf(loginRequest(helper, request, CONTEXT));
		expect(error).toBeInstanceOf(CredentialLoginError);
		expect(errorText(error)).not.toContain(SECRET);
		expect(error).not.toHaveProperty('config');
		expect(error).not.toHaveProperty('cause');
		expect(error.httpCode).toBe(String(status));
	});
});

describe('requireLoginField', () => {
	it('returns the trimmed token', () => {
		expect(requireLoginField({ jwt: ' abc \n' }, 'jwt', CONTEXT)).toBe('abc');
	});

	it.each([{}, { jwt: '' }, { jwt: 42 }])('explains a 2xx without a usable token: %j', (answer) => {
		expect(() => requireLoginField(answer, 'jwt', { ...CONTEXT, missingTokenCode: 'NO_TOKEN' })).toThrow(
			'NO_TOKEN: Acme login answered without "jwt"; check that the Base URL points at the Acme API.',
		);
	});
});
