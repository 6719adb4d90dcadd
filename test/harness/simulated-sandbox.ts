import { useTransportClock } from '../../lib/transport';
import { startSandbox } from '../../sandbox/server';
import type { DeepPartial, Sandbox, SandboxConfig } from '../../sandbox/server';
import { SimulatedClock } from './simulated-clock';

export interface SimulatedSandbox {
	sandbox: Sandbox;
	clock: SimulatedClock;
	/** Stops the sandbox and gives the transport back the system clock. */
	stop(): Promise<void>;
}

/** The sandbox and the package's transport on one simulated clock, so that waiting costs no real time. */
export async function startSimulatedSandbox(config?: DeepPartial<SandboxConfig>): Promise<SimulatedSandbox> {
	const clock = new SimulatedClock();
	useTransportClock(clock);
	try {
		const sandbox = await startSandbox({ clock: clock.serverClock(), config });
		return {
			sandbox,
			clock,
			stop: async () => {
				useTransportClock(undefined);
				await sandbox.stop();
			},
		};
	} catch (error) {
		useTransportClock(undefined);
		throw error;
	}
}
