import { compact } from '../normalize';
import type { ProviderName } from '../normalize';
import type { LookupOptions, LookupOutcome, ProviderModule } from '../sources/contracts';
import { asNodeError, isProviderApiError } from '../transport';
import type { TransportContext } from '../transport';
import { chunk, mapLimit } from '../util/map-limit';
import { mergeRecord, seededMerged } from './merge';
import type { EmailPolicies, Merged } from './merge';

/** One provider's step in the waterfall, for people or for companies. */
export interface Stage<L> {
	provider: ProviderName;
	batchSize: number;
	accepts(lookup: L): boolean;
	/** What a provider needs that this lookup lacks, for the item's record of why it was skipped. */
	requirement: string;
	lookup(ctx: TransportContext, lookups: L[], options: LookupOptions): Promise<LookupOutcome[]>;
}

/** A stage from a provider module's enricher, if it has one; `lookup` calls the enricher's batch method. */
export function stageOf<L, E extends { batchSize: number; accepts(lookup: L): boolean }>(
	module: ProviderModule,
	enricher: E | undefined,
	lookup: (enricher: E, ctx: TransportContext, lookups: L[], options: LookupOptions) => Promise<LookupOutcome[]>,
	requirement: string,
): Array<Stage<L>> {
	if (enricher === undefined) return [];
	return [
		{
			provider: module.provider,
			batchSize: enricher.batchSize,
			accepts: (entry) => enricher.accepts(entry),
			requirement,
			lookup: async (ctx, lookups, options) => await lookup(enricher, ctx, lookups, options),
		},
	];
}

export interface Attempt {
	provider: ProviderName;
	status: 'matched' | 'noMatch' | 'error' | 'skipped';
	credits: number;
	reason?: string;
	/** The provider failed (refused the call, its credential, an outage): not a miss, a spent quota or a rate limit. */
	failed?: true;
}

export interface Subject<L> {
	lookup: L;
	merged: Merged;
	attempts: Attempt[];
	raw: Partial<Record<ProviderName, unknown>>;
}

export interface WaterfallSpec<L> {
	stages: Array<Stage<L>>;
	isDone(subject: Subject<L>): boolean;
	/** What the input already tells about the subject; the waterfall never pays for it again. */
	seed(lookup: L): Pick<Merged, 'person' | 'company'>;
	/** The lookup a later provider gets: the input enriched by what earlier providers found. */
	nextLookup(subject: Subject<L>): L;
	emails: EmailPolicies;
	/**
	 * Runs over every subject after each provider's stage (`last`: no provider is left), so that
	 * what a stage found can be judged, and rejected, while the next providers can still be asked.
	 */
	afterStage?(subjects: Array<Subject<L>>, last: boolean): Promise<void>;
	options: LookupOptions;
	/** Batches in flight at once per provider. */
	concurrency?: number;
}

/** Why a provider was taken out of the run, told on every item it was not asked about. */
type Disabled = Map<ProviderName, { reason: string; failed: boolean }>;

/** Failures that make every later call to the provider fail the same way. */
function disablesProvider(error: unknown): boolean {
	return isProviderApiError(error, 'quotaExhausted') || isProviderApiError(error, 'auth');
}

/** Out of credits and slowed down are the plan's limits at work; anything else is the provider failing. */
function isFailure(error: unknown): boolean {
	return !isProviderApiError(error, 'quotaExhausted') && !isProviderApiError(error, 'rateLimited');
}

const failedFlag = (failed: boolean): { failed?: true } => (failed ? { failed: true } : {});

async function runStage<L>(
	ctx: TransportContext,
	stage: Stage<L>,
	subjects: Array<Subject<L>>,
	spec: WaterfallSpec<L>,
	disabled: Disabled,
): Promise<void> {
	const pending = subjects.filter((subject) => !spec.isDone(subject));
	const asked: Array<{ subject: Subject<L>; lookup: L }> = [];
	for (const subject of pending) {
		const lookup = spec.nextLookup(subject);
		if (stage.accepts(lookup)) asked.push({ subject, lookup });
		else
			subject.attempts.push({ provider: stage.provider, status: 'skipped', credits: 0, reason: `not enough input: ${stage.requirement}` });
	}

	await mapLimit(chunk(asked, stage.batchSize), spec.concurrency ?? 2, async (batch) => {
		const stopped = disabled.get(stage.provider);
		if (stopped !== undefined) {
			for (const { subject } of batch)
				subject.attempts.push({
					provider: stage.provider,
					status: 'skipped',
					credits: 0,
					reason: stopped.reason,
					...failedFlag(stopped.failed),
				});
			return;
		}
		let outcomes: LookupOutcome[];
		try {
			outcomes = await stage.lookup(
				ctx,
				batch.map((entry) => entry.lookup),
				spec.options,
			);
		} catch (error) {
			if (!isProviderApiError(error)) throw asNodeError(ctx.getNode(), error);
			if (disablesProvider(error))
				disabled.set(stage.provider, { reason: `${stage.provider} stopped for this run: ${error.message}`, failed: isFailure(error) });
			for (const { subject } of batch)
				subject.attempts.push({
					provider: stage.provider,
					status: 'error',
					credits: 0,
					reason: error.message,
					...failedFlag(isFailure(error)),
				});
			return;
		}
		batch.forEach(({ subject }, index) => {
			const outcome = outcomes[index] ?? {
				status: 'error',
				credits: 0,
				error: { kind: 'failed', message: 'the provider returned no result for this record' },
			};
			subject.attempts.push({
				provider: stage.provider,
				status: outcome.status,
				credits: outcome.credits,
				reason: outcome.error?.message,
				...failedFlag(outcome.error?.kind === 'failed'),
			});
			if (outcome.error?.kind === 'quotaExhausted')
				disabled.set(stage.provider, { reason: `${stage.provider} stopped for this run: ${outcome.error.message}`, failed: false });
			if (outcome.record) {
				subject.raw[stage.provider] = outcome.record.raw;
				mergeRecord(subject.merged, outcome.record, stage.provider, spec.emails);
			}
		});
	});
}

/**
 * Asks each provider in order about the subjects still missing what the user wants, in the
 * provider's largest batches. A provider whose quota or credential gives out is dropped for the
 * rest of the run (the reason is on every item it was not asked about) and the waterfall moves on;
 * so it does past a provider that failed for a batch, whose items carry the failure.
 * Lookups must already be deduplicated: one subject per distinct input.
 */
export async function runWaterfall<L>(ctx: TransportContext, lookups: L[], spec: WaterfallSpec<L>): Promise<Array<Subject<L>>> {
	const subjects = lookups.map((lookup): Subject<L> => {
		const { person, company } = spec.seed(lookup);
		return { lookup, merged: seededMerged(compact(person), compact(company)), attempts: [], raw: {} };
	});
	const disabled: Disabled = new Map();
	for (const [index, stage] of spec.stages.entries()) {
		await runStage(ctx, stage, subjects, spec, disabled);
		await spec.afterStage?.(subjects, index === spec.stages.length - 1);
	}
	return subjects;
}
