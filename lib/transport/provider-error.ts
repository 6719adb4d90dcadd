import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { LostSends } from './types';

export type ProviderErrorKind =
	| 'auth'
	| 'rateLimited'
	| 'quotaExhausted'
	| 'notFound'
	| 'invalidRequest'
	| 'server'
	| 'network'
	/** A write or a paid lookup whose answer was lost: it may or may not have happened, so it is not re-sent. */
	| 'outcomeUnknown';

export interface ProviderErrorDetails {
	provider: string;
	kind: ProviderErrorKind;
	message: string;
	description?: string;
	status?: number;
	/** The provider's error body, already masked. */
	body?: unknown;
	itemIndex?: number;
	lost?: LostSends;
}

/**
 * A NodeApiError that also says what kind of failure it was, so callers can decide: the
 * enrichment waterfall moves on after `quotaExhausted`, the HaloPSA sync reconciles after
 * `outcomeUnknown`. It is built from masked facts only, never from the raw request error.
 */
export class ProviderApiError extends NodeApiError {
	readonly kind: ProviderErrorKind;
	readonly provider: string;
	readonly status?: number;
	/** Sends that got no answer before it failed: a paid lookup may have been charged for each. */
	readonly lost?: LostSends;

	constructor(node: INode, details: ProviderErrorDetails) {
		const response: JsonObject = { message: details.message, provider: details.provider, kind: details.kind };
		if (details.status !== undefined) response.httpCode = String(details.status);
		if (details.body !== undefined) response.body = details.body as JsonObject;
		super(node, response, {
			message: details.message,
			description: details.description,
			httpCode: details.status !== undefined ? String(details.status) : undefined,
			itemIndex: details.itemIndex,
		});
		this.kind = details.kind;
		this.provider = details.provider;
		this.status = details.status;
		this.lost = details.lost;
	}
}

export function isProviderApiError(error: unknown, kind?: ProviderErrorKind): error is ProviderApiError {
	return error instanceof ProviderApiError && (kind === undefined || error.kind === kind);
}

/**
 * What a catch block throws on: n8n's own errors pass through (they already carry their item and
 * HTTP details); anything else becomes a NodeOperationError naming the node and the item.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
