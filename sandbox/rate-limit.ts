/**
 * Fixed-window counters keyed by credential. A window opens at the first request that hits it (not at
 * a clock boundary) so a test that sends N+1 requests quickly always sees the (N+1)th refused.
 */

export interface Window {
	/** Short name used by providers to pick the figures for their headers (`minute`, `day`...). */
	name: string;
	limit: number;
	windowMs: number;
}

export interface WindowState extends Window {
	used: number;
	remaining: number;
	/** Epoch ms when the window reopens. */
	resetAt: number;
}

export interface LimitResult {
	allowed: boolean;
	windows: WindowState[];
	/** Time until the tightest exhausted window reopens; 0 when allowed. */
	retryAfterMs: number;
}

export class FixedWindowLimiter {
	private readonly counters = new Map<string, { start: number; count: number }>();

	/**
	 * Counts one request against every window of `key` unless one of them is full. `enforce: false`
	 * still counts (so usage headers stay truthful) but never refuses.
	 */
	hit(key: string, windows: Window[], now: number, enforce: boolean): LimitResult {
		const current = windows.map((window) => {
			const id = `${key}|${window.name}|${window.windowMs}`;
			let counter = this.counters.get(id);
			if (!counter || now >= counter.start + window.windowMs) {
				counter = { start: now, count: 0 };
				this.counters.set(id, counter);
			}
			return { window, counter };
		});
		const full = current.filter(({ window, counter }) => counter.count >= window.limit);
		const allowed = !enforce || full.length === 0;
		if (allowed) for (const { counter } of current) counter.count++;
		const states = current.map(({ window, counter }) => ({
			...window,
			used: counter.count,
			remaining: Math.max(0, window.limit - counter.count),
			resetAt: counter.start + window.windowMs,
		}));
		const retryAfterMs = allowed ? 0 : Math.max(...full.map(({ window, counter }) => counter.start + window.windowMs - now));
		return { allowed, windows: states, retryAfterMs };
	}

	clear(): void {
		this.counters.clear();
	}
}

/** Whole seconds for a Retry-After header; never 0, which clients read as "retry now". */
export function retryAfterSeconds(ms: number): string {
	return String(Math.max(1, Math.ceil(ms / 1000)));
}
