import type { Clock } from '../../lib/transport';

interface Timer {
	at: number;
	wake: () => void;
}

const realPause = async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A clock on which waiting costs no real time: when everything in the process is waiting, the clock
 * jumps to the earliest wake-up. Real work (the node deciding, n8n's request helpers, the sandbox
 * answering) runs on real time, so `now()` = real time spent working + simulated waits.
 *
 * "Everything is waiting" means: no new sleeper for `quietMs` of real time, and every provider call on
 * the wire (the transport reports them through `call`) is parked in the sandbox's simulated latency
 * (the sandbox sleeps through `serverClock`). The confirming quiet period is left out of the clock.
 * Work done off the wire while another task sleeps can still overlap that quiet period; it is short
 * (under `quietMs` per jump) and would then go uncounted.
 */
export class SimulatedClock implements Clock {
	private readonly startedReal = performance.now();
	private readonly startedEpoch = Date.now();
	private skippedMs = 0;
	private quietRealMs = 0;
	private timers: Timer[] = [];
	private changes = 0;
	private onWire = 0;
	private parked = 0;
	private driving = false;

	constructor(private readonly quietMs = 1) {}

	now(): number {
		return this.startedEpoch + Math.round(performance.now() - this.startedReal - this.quietRealMs + this.skippedMs);
	}

	async sleep(ms: number): Promise<void> {
		if (!(ms > 0)) return;
		await new Promise<void>((wake) => {
			this.timers.push({ at: this.now() + ms, wake });
			this.changes++;
			this.drive();
		});
	}

	async call<T>(send: () => Promise<T>): Promise<T> {
		this.onWire++;
		this.changes++;
		try {
			return await send();
		} finally {
			this.onWire--;
			this.changes++;
		}
	}

	/** The clock the sandbox answers on: its latency is a request parked, not one travelling. */
	serverClock(): Clock {
		return {
			now: () => this.now(),
			sleep: async (ms) => {
				this.parked++;
				try {
					await this.sleep(ms);
				} finally {
					this.parked--;
				}
			},
		};
	}

	/** Moves the clock on at once, e.g. to let every rate-limit window close between two runs. */
	advance(ms: number): void {
		this.skippedMs += ms;
	}

	private drive(): void {
		if (this.driving) return;
		this.driving = true;
		void this.run();
	}

	private async run(): Promise<void> {
		while (this.timers.length > 0) {
			await this.untilEverythingWaits();
			this.timers.sort((a, b) => a.at - b.at);
			const before = this.now();
			if (this.timers[0].at > before) this.skippedMs += this.timers[0].at - before;
			const now = this.now();
			const due = this.timers.filter((timer) => timer.at <= now);
			this.timers = this.timers.filter((timer) => timer.at > now);
			for (const timer of due) timer.wake();
		}
		this.driving = false;
	}

	private async untilEverythingWaits(): Promise<void> {
		for (;;) {
			const seen = this.changes;
			const from = performance.now();
			await realPause(this.quietMs);
			if (seen === this.changes && this.onWire <= this.parked) {
				this.quietRealMs += performance.now() - from;
				return;
			}
		}
	}
}
