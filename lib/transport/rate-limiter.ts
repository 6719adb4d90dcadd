import { sleep } from 'n8n-workflow';

import type { RateLimitSignal } from './rate-limit-headers';
import type { RateWindow } from './types';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

/**
 * Our clock and the provider's disagree by the network latency, so a window is held a little
 * longer than published: enough that N requests sent within the window never arrive within it.
 */
function heldSpan(window: RateWindow): number {
	return window.windowMs + Math.min(1000, Math.ceil(window.windowMs * 0.05));
}

/** Send times within one window, oldest first; a head index avoids shifting large arrays. */
class SendLog {
	private times: number[] = [];
	private head = 0;

	prune(before: number): void {
		while (this.head < this.times.length && this.times[this.head] <= before) this.head++;
		if (this.head > 1024 && this.head * 2 > this.times.length) {
			this.times = this.times.slice(this.head);
			this.head = 0;
		}
	}

	get size(): number {
		return this.times.length - this.head;
	}

	get oldest(): number {
		return this.times[this.head];
	}

	add(time: number): void {
		this.times.push(time);
	}
}

/**
 * Keeps one credential's requests under a provider's published windows. Callers are served in
 * arrival order, so concurrent item processing cannot starve an early item, and a provider's
 * "stop until" signal (Retry-After, a reset header) pauses everyone sharing the credential.
 */
export class RateLimiter {
	private readonly logs: SendLog[];
	private pausedUntil = 0;
	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly windows: RateWindow[],
		private readonly clock: Clock = systemClock,
	) {
		this.logs = windows.map(() => new SendLog());
	}

	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn;
		await turn;
	}

	observe(signal: RateLimitSignal): void {
		if (signal.resumeAt !== undefined) this.pausedUntil = Math.max(this.pausedUntil, signal.resumeAt);
	}

	private async waitForSlot(): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			const wait = this.delayAt(now);
			if (wait <= 0) {
				for (const log of this.logs) log.add(now);
				return;
			}
			await this.clock.sleep(wait);
		}
	}

	private delayAt(now: number): number {
		let wait = this.pausedUntil - now;
		this.windows.forEach((window, index) => {
			const log = this.logs[index];
			const span = heldSpan(window);
			log.prune(now - span);
			if (log.size >= window.limit) wait = Math.max(wait, log.oldest + span - now);
		});
		return wait;
	}
}

const limiters = new Map<string, RateLimiter>();

/**
 * One limiter per provider credential and bucket for the whole n8n process, so parallel
 * executions of workflows sharing a credential share its budget. (Queue-mode workers are
 * separate processes: each paces itself, and the 429 handling covers what they add up to.)
 */
export function limiterFor(key: string, windows: RateWindow[]): RateLimiter {
	let limiter = limiters.get(key);
	if (limiter === undefined) {
		limiter = new RateLimiter(windows);
		limiters.set(key, limiter);
	}
	return limiter;
}
