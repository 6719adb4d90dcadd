import type { ProviderRequest, TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../contracts';
import { upLeadProfile } from './profile';

export async function upLeadJson<T extends object>(
	ctx: TransportContext,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<Partial<T>> {
	return await callJson<T>(ctx, upLeadProfile, request, options);
}
