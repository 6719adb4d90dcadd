import { transportClock, type Clock } from './clock';
import type { RateLimitSignal } from './rate-limit-headers';
import type { RateWindow } from './types';

/** Our clock and the provider's may differ by a few milliseconds; a window is held this much longer. */
function heldSpan(window: RateWindow): number {
	return window.windowMs + Math.min(250, Math.ceil(window.windowMs * 0.01));
}

/**
 * One request's place in the windows. It counts from the moment it is granted until its answer
 * arrives, and is then dated by that answer: the provider received it no later than that, so a
 * request sent one window after it can never share the provider's window with it, however long
 * the request took to leave (credential decryption, a token renewal, a slow connection).
 */
interface Slot {
	doneAt?: number;
}

/**
 * Keeps one credential's requests under a provider's published windows. Callers are served in
 * arrival order, so concurrent item processing cannot starve an early item, and a provider's
 * "stop until" signal (Retry-After, a reset header) pauses everyone sharing the credential.
 */
export class RateLimiter {
	private readonly logs: Slot[][];
	private pausedUntil = 0;
	private served = 0;
	private queue: Promise<void> = Promise.resolve();
	private wakeUp: (() => void) | undefined;

	constructor(
		private readonly windows: RateWindow[],
		private readonly clock: Clock = transportClock,
	) {
		this.logs = windows.map(() => []);
	}

	/** Waits for a slot; the returned function must be called when the request's answer arrives. */
	async acquire(): Promise<() => void> {
		let slot: Slot | undefined;
		const turn = this.queue.then(async () => {
			slot = await this.waitForSlot();
		});
		this.queue = turn;
		await turn;
		const granted = slot as Slot;
		return () => {
			if (granted.doneAt !== undefined) return;
			granted.doneAt = this.clock.now();
			this.wakeUp?.();
		};
	}

	/** Counts a call answered without a refusal: a request refused meanwhile is waiting its turn, not stuck. */
	markServed(): void {
		this.served++;
	}

	get servedCount(): number {
		return this.served;
	}

	observe(signal: RateLimitSignal): void {
		if (signal.resumeAt !== undefined) this.pausedUntil = Math.max(this.pausedUntil, signal.resumeAt);
	}

	private async waitForSlot(): Promise<Slot> {
		for (;;) {
			const now = this.clock.now();
			const wait = this.delayAt(now);
			if (wait <= 0) {
				const slot: Slot = {};
				for (const log of this.logs) log.push(slot);
				return slot;
			}
			if (wait === Infinity) {
				// Every slot is taken by a request still in flight: the next answer frees one.
				await new Promise<void>((resolve) => (this.wakeUp = resolve));
				this.wakeUp = undefined;
			} else {
				await this.clock.sleep(wait);
			}
		}
	}

	private delayAt(now: number): number {
		let wait = this.pausedUntil - now;
		this.windows.forEach((window, index) => {
			const span = heldSpan(window);
			const live = this.logs[index].filter((slot) => slot.doneAt === undefined || slot.doneAt > now - span);
			this.logs[index] = live;
			if (live.length < window.limit) return;
			const finished = live.filter((slot) => slot.doneAt !== undefined).map((slot) => slot.doneAt as number);
			wait = Math.max(wait, finished.length > 0 ? Math.min(...finished) + span - now : Infinity);
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
