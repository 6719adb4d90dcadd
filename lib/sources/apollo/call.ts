import type { JsonAnswer, ProviderRequest, ProviderResponse, TransportContext } from '../../transport';
import { call, callAnswer, callJson } from '../../transport';
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

export async function apolloAnswer<T extends object>(
	ctx: TransportContext,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<JsonAnswer<T>> {
	return await callAnswer<T>(ctx, apolloProfile, request, options);
}
