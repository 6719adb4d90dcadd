/** Helpers for the sandbox's own tests: an axios client that never throws on HTTP status. */
import axios, { type AxiosInstance } from 'axios';

export function client(baseURL: string, headers: Record<string, string> = {}): AxiosInstance {
	return axios.create({ baseURL, headers, validateStatus: () => true });
}

export function form(fields: Record<string, string>): URLSearchParams {
	return new URLSearchParams(fields);
}
