import { providerRequest } from './request';
import type { ProviderProfile, ProviderRequest, ProviderResponse, TransportContext } from './types';

/** What a node lets the user set per call: the item the call is for (errors name it) and how often to try. */
export interface CallOptions {
	itemIndex?: number;
	maxAttempts?: number;
}

/** A provider call with the node's call options (item, attempts) applied. */
export async function call<T>(
	ctx: TransportContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	options: CallOptions = {},
): Promise<ProviderResponse<T>> {
	return await providerRequest<T>(ctx, profile, request, { itemIndex: options.itemIndex, retry: { maxAttempts: options.maxAttempts } });
}

/** The body alone; one that is not an object (empty, text) reads as `{}`, so mappers never meet `null`. */
export async function callJson<T extends object>(
	ctx: TransportContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<Partial<T>> {
	const { body } = await call<T | null | ''>(ctx, profile, request, options);
	return body !== null && typeof body === 'object' ? body : {};
}
