import { SimulatedClock } from './simulated-clock';

const realPause = async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("the benchmarks' simulated clock", () => {
	it('lets an hour of waiting pass in moments, and counts it', async () => {
		const clock = new SimulatedClock();
		const started = clock.now();
		const real = performance.now();
		for (let i = 0; i < 12; i++) await clock.sleep(5 * 60_000);
		expect(clock.now() - started).toBeGreaterThanOrEqual(3_600_000);
		expect(clock.now() - started).toBeLessThan(3_600_000 + 1000);
		expect(performance.now() - real).toBeLessThan(1000);
	});

	it('wakes sleepers in the order of their wake-up times', async () => {
		const clock = new SimulatedClock();
		const woke: number[] = [];
		await Promise.all(
			[300, 100, 200].map(async (ms) => {
				await clock.sleep(ms);
				woke.push(ms);
			}),
		);
		expect(woke).toEqual([100, 200, 300]);
	});

	it("does not move while a call is on the wire, unless the call is parked in the server's latency", async () => {
		const clock = new SimulatedClock();
		const server = clock.serverClock();
		const started = clock.now();
		let wokeAt = 0;
		const sleeper = clock.sleep(60_000).then(() => (wokeAt = clock.now()));
		// A call that takes 30 ms of real work: the sleeper must not be woken before it is answered.
		let answeredAt = 0;
		await clock.call(async () => {
			await realPause(30);
			answeredAt = clock.now();
		});
		await sleeper;
		expect(answeredAt - started).toBeLessThan(1000);
		expect(wokeAt - started).toBeGreaterThanOrEqual(60_000);

		// A call parked in the server's 50 ms latency lets the clock move: the latency costs no real time.
		const real = performance.now();
		const before = clock.now();
		await clock.call(async () => await server.sleep(50));
		expect(clock.now() - before).toBeGreaterThanOrEqual(50);
		expect(performance.now() - real).toBeLessThan(50);
	});
});
