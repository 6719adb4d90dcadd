import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CreditLimits, ItemOutcome } from '../../../lib/enrichment';
import { PROVIDERS } from '../../../lib/normalize';
import type { ProviderName } from '../../../lib/normalize';
import { PROVIDER_INFO, providerOptions } from '../../../lib/node-kit';

/** An operation's Options entries for the run's credit budget, per provider among `providers` and in all. */
export function creditLimitOptions(providers: ProviderName[]): INodeProperties[] {
	return [
		{
			displayName: 'Max Credits per Run',
			name: 'maxCredits',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"The most this run may spend on all providers together, email verifications included. 0 means no limit. Each call is counted at the provider's highest charge before it is sent, so the limit is never passed; items it cannot cover come out marked enrichment.budgetReached (not failed) and the next run asks about them.",
		},
		{
			displayName: 'Max Credits per Provider',
			name: 'providerMaxCredits',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Provider Limit',
			default: {},
			description: 'The most this run may spend on one provider, counted as for Max Credits per Run',
			options: [
				{
					displayName: 'Limit',
					name: 'limits',
					values: [
						{
							displayName: 'Provider',
							name: 'provider',
							type: 'options',
							options: providerOptions(providers),
							// Every enrichment operation offers Apollo.
							default: 'apollo',
						},
						{
							displayName: 'Max Credits',
							name: 'maxCredits',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							description: 'The most this run may spend on the provider. 0 means no limit.',
						},
					],
				},
			],
		},
	];
}

export interface CreditLimitSettings {
	maxCredits?: unknown;
	providerMaxCredits?: { limits?: Array<{ provider?: unknown; maxCredits?: unknown }> };
}

const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value.slice(0, 50)) : String(value));

/** A limit as set: a whole number of credits, 0 being none. An expression can give anything else. */
function creditLimit(ctx: IExecuteFunctions, value: unknown, parameter: string): number | undefined {
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
		throw new NodeOperationError(
			ctx.getNode(),
			`${parameter} must be a whole number of credits, 0 (no limit) or more, not ${shown(value)}`,
		);
	return value === 0 ? undefined : value;
}

/** The budget the options set, checked before anything is spent; undefined when there is no limit. */
export function readCreditLimits(ctx: IExecuteFunctions, settings: CreditLimitSettings): CreditLimits | undefined {
	const total = settings.maxCredits === undefined ? undefined : creditLimit(ctx, settings.maxCredits, 'Max Credits per Run');
	const providers: Partial<Record<ProviderName, number>> = {};
	const named = new Set<ProviderName>();
	for (const { provider, maxCredits } of settings.providerMaxCredits?.limits ?? []) {
		if (!PROVIDERS.includes(provider as ProviderName))
			throw new NodeOperationError(ctx.getNode(), `Max Credits per Provider: ${shown(provider)} is not a provider`);
		const { name } = PROVIDER_INFO[provider as ProviderName];
		if (named.has(provider as ProviderName)) throw new NodeOperationError(ctx.getNode(), `Max Credits per Provider lists ${name} twice`);
		named.add(provider as ProviderName);
		const limit = creditLimit(ctx, maxCredits ?? 0, `Max Credits per Provider (${name})`);
		if (limit !== undefined) providers[provider as ProviderName] = limit;
	}
	return total === undefined && Object.keys(providers).length === 0 ? undefined : { total, providers };
}

/** Says in the output pane how many items the budget held back, and from which providers. */
export function warnIfBudgetReached(ctx: IExecuteFunctions, outcomes: ItemOutcome[]): void {
	const held = outcomes.flatMap((outcome) => ('record' in outcome && outcome.record.enrichment.budgetReached ? [outcome.record] : []));
	if (held.length === 0) return;
	const providers = new Set(
		held.flatMap((record) =>
			record.enrichment.attempts.filter((attempt) => attempt.budgetReached).map((attempt) => PROVIDER_INFO[attempt.provider].name),
		),
	);
	ctx.addExecutionHints({
		message:
			`Credit budget reached: ${held.length} of ${outcomes.length} items were not asked about in full (${[...providers].join(', ')}). ` +
			'They are marked enrichment.budgetReached, not failed, and the next run asks about them.',
		type: 'warning',
		location: 'outputPane',
	});
}
