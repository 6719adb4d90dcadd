import { sleep } from 'n8n-workflow';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
	/** Wraps one call on the wire: a simulated clock must not jump while a request is travelling. */
	call?<T>(send: () => Promise<T>): Promise<T>;
}

const systemClock: Clock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

let current: Clock = systemClock;

/**
 * The time pacing and retries wait on. Always the system's inside n8n; `bench/` swaps in a simulated
 * clock so that hours of a provider's rate-limit windows can be measured in minutes.
 */
export const transportClock: Required<Clock> = {
	now: () => current.now(),
	sleep: async (ms) => await current.sleep(ms),
	call: async (send) => await (current.call ? current.call(send) : send()),
};

export function useTransportClock(clock: Clock | undefined): void {
	current = clock ?? systemClock;
}
