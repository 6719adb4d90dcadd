import { AxiosError, AxiosHeaders } from 'axios';
import type { InternalAxiosRequestConfig } from 'axios';
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

type Answer = (request: IHttpRequestOptions) => unknown;

/** Stands in for the `this` n8n gives preAuthentication, recording every request it is asked to send. */
export function fakeHttp(...answers: Answer[]): { helper: IHttpRequestHelper; calls: IHttpRequestOptions[] } {
	const calls: IHttpRequestOptions[] = [];
	const helper = {
		helpers: {
			httpRequest: async (request: IHttpRequestOptions) => {
				calls.push(request);
				const answer = answers[calls.length - 1];
				if (!answer) throw new Error(`unexpected request #${calls.length}: ${request.url}`);
				return answer(request);
			},
		},
	} as unknown as IHttpRequestHelper;
	return { helper, calls };
}

/**
 * A real AxiosError whose `config` holds the request as sent (headers, body: the secrets), exactly what
 * n8n's httpRequest throws, so tests can prove none of it leaks into our errors.
 */
export function axiosFailure(request: IHttpRequestOptions, outcome: { status?: number; code?: string }): AxiosError {
	const config = {
		url: request.url,
		method: request.method,
		headers: new AxiosHeaders(request.headers as Record<string, string>),
		data: JSON.stringify(request.body ?? {}),
		auth: request.auth,
	} as InternalAxiosRequestConfig;
	const response =
		outcome.status === undefined ? undefined : { status: outcome.status, statusText: 'x', headers: {}, config, data: { error: 'nope' } };
	const code = outcome.code ?? (outcome.status && outcome.status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST');
	return new AxiosError('Request failed', code, config, {}, response);
}

export function failWith(outcome: { status?: number; code?: string }): Answer {
	return (request) => {
		throw axiosFailure(request, outcome);
	};
}

/** Every string reachable from the error's own properties (message, description, code, nested objects). */
export function errorText(error: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	const walk = (value: unknown): void => {
		if (typeof value === 'string') parts.push(value);
		if (typeof value !== 'object' || value === null || seen.has(value)) return;
		seen.add(value);
		for (const key of Object.getOwnPropertyNames(value)) {
			walk((value as Record<string, unknown>)[key]);
		}
	};
	walk(error);
	return parts.join('\n');
}

export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
	try {
		await promise;
	} catch (error) {
		return error as Error & Record<string, unknown>;
	}
	throw new Error('expected the promise to reject');
}
