import type { ProviderName } from '../normalize';

/** The most a run may spend: on all providers together, and on each. Absent is no limit. */
export interface CreditLimits {
	total?: number;
	providers?: Partial<Record<ProviderName, number>>;
}

/** How many of the lookups asked about may be sent. */
export interface Allowance {
	count: number;
	/** Set when that is fewer than asked: the limit that kept the others back. */
	reason?: string;
	/** What the call cost, as its attempts count it, in place of what was set aside; once, when the call is over. */
	settle(credits: number): void;
}

/**
 * Credits a run may still spend. Before a call its worst case is set aside, so calls in flight
 * together can never pass a limit; once answered, what it cost takes the place of the worst case.
 * A call that does not fit in full waits for those in flight to settle first, since they usually
 * cost less than was set aside, and is then cut down to what is left.
 */
export class CreditBudget {
	private readonly spent = new Map<ProviderName | 'total', number>();
	private readonly held = new Map<ProviderName | 'total', number>();
	private inFlight = 0;
	private waiting: Array<() => void> = [];

	constructor(private readonly limits: CreditLimits) {}

	/** Spent and set aside, by provider or in all. */
	private committed(key: ProviderName | 'total'): number {
		return (this.spent.get(key) ?? 0) + (this.held.get(key) ?? 0);
	}

	private add(map: Map<ProviderName | 'total', number>, provider: ProviderName, credits: number): void {
		for (const key of [provider, 'total'] as const) map.set(key, (map.get(key) ?? 0) + credits);
	}

	/** The first limit that `credits` more would pass, in words, or undefined. */
	private passedLimit(provider: ProviderName, credits: number): string | undefined {
		const own = this.limits.providers?.[provider];
		if (own !== undefined && this.committed(provider) + credits > own) return `${provider}'s limit of ${own} credits`;
		const { total } = this.limits;
		if (total !== undefined && this.committed('total') + credits > total) return `the run's limit of ${total} credits`;
		return undefined;
	}

	/**
	 * Sets aside the worst case of the most of `count` lookups (the first ones) the budget covers;
	 * `costOf(n)` is the worst case of the first n, which only grows with n.
	 */
	async allow(provider: ProviderName, count: number, costOf: (count: number) => number): Promise<Allowance> {
		for (;;) {
			let fits = count;
			while (fits > 0 && this.passedLimit(provider, costOf(fits)) !== undefined) fits--;
			if (fits === count || this.inFlight === 0) return this.hold(provider, fits, costOf, fits < count);
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
	}

	private hold(provider: ProviderName, count: number, costOf: (count: number) => number, short: boolean): Allowance {
		// Cut short only with nothing in flight: what is committed is what was spent.
		const limit = short ? this.passedLimit(provider, costOf(count + 1)) : undefined;
		const reason = limit && `budget reached: ${limit}, ${this.committed(provider)} spent on ${provider}, ${this.committed('total')} in all`;
		if (count === 0) return { count, reason, settle: () => undefined };
		const reserved = costOf(count);
		this.add(this.held, provider, reserved);
		this.inFlight++;
		return {
			count,
			reason,
			settle: (credits) => {
				this.add(this.held, provider, -reserved);
				this.add(this.spent, provider, credits);
				this.inFlight--;
				const waiting = this.waiting;
				this.waiting = [];
				for (const resolve of waiting) resolve();
			},
		};
	}
}
