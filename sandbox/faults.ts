/**
 * Deterministic fault injection. Each provider draws from its own PRNG stream seeded by
 * (faults.seed, provider), so one provider's traffic never shifts another's faults.
 */
import type { FaultConfig, FaultSpec } from './config';
import { hashSeed, mulberry32, type Random } from './prng';
import type { ProviderName } from './types';

export type FaultDecision =
	{ kind: 'none' } | { kind: 'error5xx'; status: 500 | 502 | 503 } | { kind: 'drop' } | { kind: 'dropAfterWrite' } | { kind: 'burst429' };

export interface FaultOutcome {
	decision: FaultDecision;
	/** True once, when `revokeTokensAfter` requests have gone by: the caller revokes the tokens. */
	revokeTokens: boolean;
}

const ERROR_STATUSES = [500, 502, 503] as const;

export class FaultInjector {
	private readonly streams = new Map<string, Random>();
	private readonly counts = new Map<ProviderName, number>();
	private readonly revoked = new Set<ProviderName>();

	constructor(private readonly config: () => FaultConfig) {}

	/** Called once per fault-eligible request, before the provider does any work. */
	decide(provider: ProviderName): FaultOutcome {
		const config = this.config();
		const spec: FaultSpec = { ...config, ...config.providers[provider] };
		const seen = this.counts.get(provider) ?? 0;
		this.counts.set(provider, seen + 1);

		const revokeAfter = spec.revokeTokensAfter;
		const revokeTokens = revokeAfter != null && seen >= revokeAfter && !this.revoked.has(provider);
		if (revokeTokens) this.revoked.add(provider);

		return { decision: this.pickDecision(provider, spec, seen, config.seed), revokeTokens };
	}

	private pickDecision(provider: ProviderName, spec: FaultSpec, seen: number, seed: number): FaultDecision {
		// Requests 1..every pass, the next `length` are refused, then the cycle starts over.
		const burst = spec.burst429;
		if (burst && burst.every > 0 && burst.length > 0 && seen % (burst.every + burst.length) >= burst.every) {
			return { kind: 'burst429' };
		}
		const random = this.stream(provider, seed);
		// Always draw the same number of values so enabling one fault does not reshuffle the others.
		const [errorDraw, dropDraw, writeDraw, statusDraw] = [random(), random(), random(), random()];
		if (errorDraw < (spec.error5xxRate ?? 0)) {
			return { kind: 'error5xx', status: ERROR_STATUSES[Math.floor(statusDraw * ERROR_STATUSES.length)] };
		}
		if (dropDraw < (spec.dropRate ?? 0)) return { kind: 'drop' };
		if (writeDraw < (spec.dropAfterWriteRate ?? 0)) return { kind: 'dropAfterWrite' };
		return { kind: 'none' };
	}

	private stream(provider: ProviderName, seed: number): Random {
		const key = `${seed}:${provider}`;
		let random = this.streams.get(key);
		if (!random) {
			random = mulberry32(hashSeed(seed, provider));
			this.streams.set(key, random);
		}
		return random;
	}

	reset(): void {
		this.streams.clear();
		this.counts.clear();
		this.revoked.clear();
	}
}
