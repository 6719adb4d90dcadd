import type { JsonAnswer, ProviderRequest, TransportContext } from '../../transport';
import { callAnswer, callJson } from '../../transport';
import type { CallOptions } from '../contracts';
import { upLeadProfile } from './profile';

export async function upLeadJson<T extends object>(
	ctx: TransportContext,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<Partial<T>> {
	return await callJson<T>(ctx, upLeadProfile, request, options);
}

export async function upLeadAnswer<T extends object>(
	ctx: TransportContext,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<JsonAnswer<T>> {
	return await callAnswer<T>(ctx, upLeadProfile, request, options);
}
