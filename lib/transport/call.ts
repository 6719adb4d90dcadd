import { providerRequest } from './request';
import type { LostPaidAnswers, ProviderProfile, ProviderRequest, ProviderResponse, TransportContext } from './types';

/** What a node lets the user set per call: the item (errors name it), how often to try, and what a paid lookup's lost answer leads to. */
export interface CallOptions {
	itemIndex?: number;
	maxAttempts?: number;
	lostPaidAnswers?: LostPaidAnswers;
}

/** A provider call with the node's call options (item, attempts, lost paid answers) applied. */
export async function call<T>(
	ctx: TransportContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	options: CallOptions = {},
): Promise<ProviderResponse<T>> {
	return await providerRequest<T>(ctx, profile, request, {
		itemIndex: options.itemIndex,
		retry: { maxAttempts: options.maxAttempts },
		lostPaidAnswers: options.lostPaidAnswers,
	});
}

/** An object body and the sends before it whose answer was lost, which a paid lookup counts the credits of. */
export interface JsonAnswer<T> {
	body: Partial<T>;
	lostSends: number;
}

/** The body as an object; one that is not an object (empty, text) reads as `{}`, so mappers never meet `null`. */
export async function callAnswer<T extends object>(
	ctx: TransportContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<JsonAnswer<T>> {
	const { body, lostSends } = await call<T | null | ''>(ctx, profile, request, options);
	return { body: body !== null && typeof body === 'object' ? body : {}, lostSends };
}

/** The body alone, as `callAnswer` reads it. */
export async function callJson<T extends object>(
	ctx: TransportContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	options?: CallOptions,
): Promise<Partial<T>> {
	return (await callAnswer<T>(ctx, profile, request, options)).body;
}
