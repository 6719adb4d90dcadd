/**
 * What the fault tests share: the issue's fault mix, a sandbox on which waiting costs no real
 * time, and the counts that prove the faults really happened (so no test passes vacuously).
 */
import { startSimulatedSandbox } from '../harness/simulated-sandbox';
import type { SimulatedSandbox } from '../harness/simulated-sandbox';
import type { FaultConfig, FaultSpec } from '../../sandbox/config';
import { FaultInjector } from '../../sandbox/faults';
import type { DeepPartial, LogEntry, ProviderName, Sandbox, SandboxConfig } from '../../sandbox/server';

/** The issue's mix: 5% 5xx, 2% dropped before the work, 2% dropped after a write, and 429 bursts. */
export const ISSUE_FAULTS: FaultSpec = {
	error5xxRate: 0.05,
	dropRate: 0.02,
	dropAfterWriteRate: 0.02,
	burst429: { every: 25, length: 6 },
};

/** A sandbox on a simulated clock for one test file (waits cost no real time): started before its tests, stopped after them. */
export function sandboxOnSimulatedClock(config: DeepPartial<SandboxConfig>): () => Sandbox {
	let simulated: SimulatedSandbox | undefined;
	beforeAll(async () => {
		simulated = await startSimulatedSandbox(config);
	});
	afterAll(async () => await simulated?.stop());
	return () => {
		if (simulated === undefined) throw new Error('the sandbox starts in beforeAll');
		return simulated.sandbox;
	};
}

export interface FaultCounts {
	/** 500, 502 (HTML) and 503 answers, with the work not done. */
	error5xx: number;
	/** Connections dropped before the work. */
	dropped: number;
	/** Work done (a record written, a credit charged), then the connection dropped. */
	lostAnswers: number;
	/** Rate-limit refusals of a burst (429; Hunter's are 403). */
	rateLimited: number;
	/** Requests refused for a revoked token. */
	unauthorized: number;
}

/** The sandbox carried the request out (wrote a record, charged a credit), then dropped the connection. */
export const lostAnswer = (entry: LogEntry) => entry.fault === 'dropAfterWrite' && entry.status === 200;

/**
 * Faults under which the provider's requests, counted from the sandbox's last reset, lose their
 * answer after the work (credits charged) where `lost` says so, and the next `thenAnswered` do not:
 * the first seed that draws exactly that, found by drawing as the sandbox will.
 */
export function lostAnswerFaults(provider: ProviderName, lost: boolean[], thenAnswered = 10): DeepPartial<FaultConfig> {
	const providers = { [provider]: { dropAfterWriteRate: 0.3 } };
	const expected = [...lost, ...new Array<boolean>(thenAnswered).fill(false)];
	for (let seed = 1; ; seed++) {
		const injector = new FaultInjector(() => ({ seed, includeAuth: false, providers }));
		if (expected.every((drop) => (injector.decide(provider).decision.kind === 'dropAfterWrite') === drop)) return { seed, providers };
	}
}

export function faultsIn(entries: LogEntry[]): FaultCounts {
	const count = (test: (entry: LogEntry) => boolean) => entries.filter(test).length;
	return {
		error5xx: count((entry) => entry.fault === 'error5xx'),
		dropped: count((entry) => entry.fault === 'drop'),
		lostAnswers: count(lostAnswer),
		rateLimited: count((entry) => entry.fault === 'burst429'),
		unauthorized: count((entry) => entry.status === 401),
	};
}

/** The values that occur more than once (each repeat listed); undefined values are not compared. */
export function duplicatesOf(values: Array<string | undefined>): string[] {
	const seen = new Set<string>();
	return values.filter((value): value is string => value !== undefined && (seen.has(value) || !seen.add(value)));
}

/**
 * With FAULT_FIGURES set, prints what a run sent and met, for the figures quoted in the issue and the
 * README; a plain test run stays quiet.
 */
export function reportFigures(label: string, entries: LogEntry[], startedAt: number, more: object = {}): void {
	if (!process.env.FAULT_FIGURES) return;
	const byStatus: Record<string, number> = {};
	for (const entry of entries) byStatus[entry.status] = (byStatus[entry.status] ?? 0) + 1;
	console.log(
		JSON.stringify({
			run: label,
			requests: entries.length,
			byStatus,
			faults: faultsIn(entries),
			realMs: Math.round(performance.now() - startedAt),
			...more,
		}),
	);
}
