import { sleep } from 'n8n-workflow';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

let current: Clock = systemClock;

/**
 * The time pacing and retries wait on. Always the system's inside n8n; `bench/` swaps in a simulated
 * clock so that hours of a provider's rate-limit windows can be measured in minutes.
 */
export const transportClock: Clock = {
	now: () => current.now(),
	sleep: async (ms) => await current.sleep(ms),
};

export function useTransportClock(clock: Clock | undefined): void {
	current = clock ?? systemClock;
}
