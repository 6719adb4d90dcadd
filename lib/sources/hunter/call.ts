import type { ProviderRequest, ProviderResponse, TransportContext } from '../../transport';
import { call } from '../../transport';
import type { CallOptions } from '../contracts';
import { hunterProfile } from './profile';
import type { HunterEnvelope } from './types';

/** Hunter wraps every answer in `{data, meta}`; a body that is not an object reads as `{}`. */
export async function hunterGet<T>(
	ctx: TransportContext,
	request: Omit<ProviderRequest, 'method'>,
	options: CallOptions = {},
): Promise<ProviderResponse<HunterEnvelope<T>>> {
	const response = await call<HunterEnvelope<T> | null>(ctx, hunterProfile, { method: 'GET', ...request }, options);
	const body = response.body !== null && typeof response.body === 'object' ? response.body : {};
	return { ...response, body };
}
