import type { ProviderRequest, TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../contracts';
import { zoomInfoProfile } from './profile';

export async function zoomInfoJson<T extends object>(
	ctx: TransportContext,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<Partial<T>> {
	return await callJson<T>(ctx, zoomInfoProfile, request, options);
}
