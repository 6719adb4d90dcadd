import { providerRequest } from '../transport';
import type { ProviderProfile, ProviderRequest, ProviderResponse, TransportContext } from '../transport';
import type { CallOptions } from './contracts';

/** A provider call with the node's call options (item, attempts) applied. */
export async function call<T>(ctx: TransportContext, profile: ProviderProfile, request: ProviderRequest, options: CallOptions = {}): Promise<ProviderResponse<T>> {
	return await providerRequest<T>(ctx, profile, request, { itemIndex: options.itemIndex, retry: { maxAttempts: options.maxAttempts } });
}

/** The body alone; one that is not an object (empty, text) reads as `{}`, so mappers never meet `null`. */
export async function callJson<T extends object>(ctx: TransportContext, profile: ProviderProfile, request: ProviderRequest, options?: CallOptions): Promise<Partial<T>> {
	const { body } = await call<T | null | ''>(ctx, profile, request, options);
	return body !== null && typeof body === 'object' ? body : {};
}
