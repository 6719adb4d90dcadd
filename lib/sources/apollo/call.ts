import type { ProviderRequest, ProviderResponse, TransportContext } from '../../transport';
import { call, callJson } from '../../transport';
import type { CallOptions } from '../contracts';
import { apolloProfile } from './profile';

export async function apolloCall<T>(ctx: TransportContext, request: ProviderRequest, options?: CallOptions): Promise<ProviderResponse<T>> {
	return await call<T>(ctx, apolloProfile, request, options);
}

export async function apolloJson<T extends object>(
	ctx: TransportContext,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<Partial<T>> {
	return await callJson<T>(ctx, apolloProfile, request, options);
}
