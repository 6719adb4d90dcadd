import type { JsonAnswer, ProviderRequest, TransportContext } from '../../transport';
import { callAnswer, callJson } from '../../transport';
import type { CallOptions } from '../contracts';
import { zoomInfoProfile } from './profile';

export async function zoomInfoJson<T extends object>(
	ctx: TransportContext,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<Partial<T>> {
	return await callJson<T>(ctx, zoomInfoProfile, request, options);
}

export async function zoomInfoAnswer<T extends object>(
	ctx: TransportContext,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<JsonAnswer<T>> {
	return await callAnswer<T>(ctx, zoomInfoProfile, request, options);
}
