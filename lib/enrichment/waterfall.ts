import { compact } from '../normalize';
import type { ProviderName } from '../normalize';
import type { LookupOptions, LookupOutcome, ProviderModule } from '../sources/contracts';
import { asNodeError, isProviderApiError } from '../transport';
import type { LostSends, TransportContext } from '../transport';
import { chunk, mapLimit } from '../util/map-limit';
import type { CreditBudget } from './budget';
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
	/** The enricher's charge model: the most these lookups can cost. */
	maxCredits(lookups: L[], options: LookupOptions): number;
}

/** A stage from a provider module's enricher, if it has one; `lookup` calls the enricher's batch method. */
export function stageOf<
	L,
	E extends { batchSize: number; accepts(lookup: L): boolean; maxCredits(lookups: L[], options: LookupOptions): number },
>(
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
			maxCredits: (lookups, options) => enricher.maxCredits(lookups, options),
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
	/** Sends whose answer was lost, which the provider may have charged for: their assumed cost is in `credits`. */
	lost?: LostSends;
	/** Not asked because the run's credit budget could not cover it: asked again by a later run. */
	budgetReached?: true;
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
	/** What the run may spend; every paid call is kept within it. */
	budget?: CreditBudget;
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

const credits = (count: number) => `${count} credit${count === 1 ? '' : 's'}`;

/**
 * An attempt with its lost answers, told in its reason with what they are counted as: what the
 * answer cost once one came, else what the lookup costs if the provider finds the record.
 */
export function withLost(attempt: Attempt, lost: LostSends | undefined, answered: boolean): Attempt {
	if (lost === undefined) return attempt;
	const answers = lost.sends === 1 ? '1 lost answer' : `${lost.sends} lost answers`;
	const note = answered
		? `${answers}, sent again: counted as ${credits(lost.credits)} more, what the answer cost`
		: `${answers}: counted as ${credits(lost.credits)}, what the lookup costs if found`;
	return { ...attempt, lost, reason: attempt.reason === undefined ? note : `${attempt.reason}; ${note}` };
}

/** A failed batch's lost sends, for each of its subjects: the credits shared out as evenly as whole credits allow. */
function lostShares(lost: LostSends | undefined, count: number): Array<LostSends | undefined> {
	return Array.from(
		{ length: count },
		(_, index) => lost && { sends: lost.sends, credits: Math.floor(lost.credits / count) + (index < lost.credits % count ? 1 : 0) },
	);
}

export const creditsOf = (attempts: Attempt[]): number => attempts.reduce((sum, attempt) => sum + attempt.credits, 0);

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

	/** Sends one batch and records each subject's outcome. */
	const send = async (batch: typeof asked): Promise<void> => {
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
			const lost = lostShares(error.lost, batch.length);
			batch.forEach(({ subject }, index) =>
				subject.attempts.push(
					withLost(
						{
							provider: stage.provider,
							status: 'error',
							credits: lost[index]?.credits ?? 0,
							reason: error.message,
							...failedFlag(isFailure(error)),
						},
						lost[index],
						false,
					),
				),
			);
			return;
		}
		batch.forEach(({ subject }, index) => {
			const outcome = outcomes[index] ?? {
				status: 'error',
				credits: 0,
				error: { kind: 'failed', message: 'the provider returned no result for this record' },
			};
			subject.attempts.push(
				withLost(
					{
						provider: stage.provider,
						status: outcome.status,
						credits: outcome.credits,
						reason: outcome.error?.message,
						...failedFlag(outcome.error?.kind === 'failed'),
					},
					outcome.lost,
					true,
				),
			);
			if (outcome.error?.kind === 'quotaExhausted')
				disabled.set(stage.provider, { reason: `${stage.provider} stopped for this run: ${outcome.error.message}`, failed: false });
			if (outcome.record) {
				subject.raw[stage.provider] = outcome.record.raw;
				mergeRecord(subject.merged, outcome.record, stage.provider, spec.emails);
			}
		});
	};

	await mapLimit(chunk(asked, stage.batchSize), spec.concurrency ?? 2, async (planned) => {
		const stopped = disabled.get(stage.provider);
		if (stopped !== undefined) {
			for (const { subject } of planned)
				subject.attempts.push({
					provider: stage.provider,
					status: 'skipped',
					credits: 0,
					reason: stopped.reason,
					...failedFlag(stopped.failed),
				});
			return;
		}
		const allowance = await spec.budget?.allow(stage.provider, planned.length, (count) =>
			stage.maxCredits(
				planned.slice(0, count).map((entry) => entry.lookup),
				spec.options,
			),
		);
		const batch = planned.slice(0, allowance?.count);
		for (const { subject } of planned.slice(batch.length))
			subject.attempts.push({ provider: stage.provider, status: 'skipped', credits: 0, reason: allowance?.reason, budgetReached: true });
		if (batch.length === 0) return;
		const earlier = batch.map(({ subject }) => subject.attempts.length);
		try {
			await send(batch);
		} finally {
			// As the attempts count it (a lost answer's credits too), not as the outcomes did.
			allowance?.settle(batch.reduce((sum, { subject }, index) => sum + creditsOf(subject.attempts.slice(earlier[index])), 0));
		}
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
