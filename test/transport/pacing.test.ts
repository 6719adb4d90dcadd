import { RateLimiter, parseRetryAfter, readRateLimitSignal } from '../../lib/transport';
import type { Clock } from '../../lib/transport/clock';

/**
 * A clock that only moves when someone sleeps, so pacing is measured exactly. Sleeping yields a
 * macrotask first, as a real timer does, so callers already served record their time first.
 */
function virtualClock(): Clock & { advance(ms: number): void } {
	let now = 0;
	return {
		now: () => now,
		advance: (ms) => {
			now += ms;
		},
		sleep: async (ms) => {
			await new Promise((resolve) => setImmediate(resolve));
			now += ms;
		},
	};
}

describe('RateLimiter', () => {
	it('keeps every window of the published size under its limit', async () => {
		const clock = virtualClock();
		const limiter = new RateLimiter([{ limit: 5, windowMs: 1000 }], clock);
		const sent: number[] = [];
		await Promise.all(
			Array.from({ length: 12 }, async () => {
				const answered = await limiter.acquire();
				sent.push(clock.now());
				answered();
			}),
		);
		expect(sent).toHaveLength(12);
		// Answers arrive at once here; the 1,000 ms window is held 10 ms longer for clock skew.
		expect(sent).toEqual([0, 0, 0, 0, 0, 1010, 1010, 1010, 1010, 1010, 2020, 2020]);
		for (const start of sent) expect(sent.filter((time) => time >= start && time < start + 1000).length).toBeLessThanOrEqual(5);
	});

	it('applies the strictest of several windows', async () => {
		const clock = virtualClock();
		const limiter = new RateLimiter(
			[
				{ limit: 15, windowMs: 1000 },
				{ limit: 20, windowMs: 60_000 },
			],
			clock,
		);
		for (let i = 0; i < 21; i++) (await limiter.acquire())();
		// The 21st request waits for the minute window (60 s + 250 ms skew allowance), not the second.
		expect(clock.now()).toBe(60_250);
	});

	it('pauses every caller until the provider says it may resume', async () => {
		const clock = virtualClock();
		const limiter = new RateLimiter([{ limit: 100, windowMs: 1000 }], clock);
		limiter.observe({ resumeAt: 5000 });
		(await limiter.acquire())();
		expect(clock.now()).toBe(5000);
	});

	it('counts a request until its answer arrives, then a full window from that answer', async () => {
		const clock = virtualClock();
		const limiter = new RateLimiter([{ limit: 2, windowMs: 1000 }], clock);
		const first = await limiter.acquire();
		const second = await limiter.acquire();
		let grantedAt: number | undefined;
		const third = limiter.acquire().then((answered) => {
			grantedAt = clock.now();
			return answered;
		});
		await new Promise((resolve) => setImmediate(resolve));
		// Both slots are taken by requests still in flight, however long ago they were granted.
		clock.advance(5000);
		await new Promise((resolve) => setImmediate(resolve));
		expect(grantedAt).toBeUndefined();
		first();
		second();
		(await third)();
		// The provider may have received the first request as late as its answer (5,000 ms).
		expect(grantedAt).toBe(5000 + 1010);
	});

	it('serves callers in arrival order', async () => {
		const clock = virtualClock();
		const limiter = new RateLimiter([{ limit: 1, windowMs: 100 }], clock);
		const order: number[] = [];
		await Promise.all(
			[0, 1, 2, 3].map(async (caller) => {
				const answered = await limiter.acquire();
				order.push(caller);
				answered();
			}),
		);
		expect(order).toEqual([0, 1, 2, 3]);
	});
});

describe('rate-limit headers', () => {
	const now = 1_700_000_000_000;

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfter('2', now)).toBe(now + 2000);
		expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(now + 30_000);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it("reads UpLead's epoch reset when nothing is left", () => {
		expect(
			readRateLimitSignal({ 'x-ratelimit-limit': '500', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 12) }, now),
		).toEqual({
			remaining: 0,
			resumeAt: now + 12_000,
		});
	});

	it("reads HighLevel's interval when nothing is left", () => {
		expect(
			readRateLimitSignal({ 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-interval-milliseconds': '10000' }, now),
		).toEqual({
			remaining: 0,
			resumeAt: now + 10_000,
		});
	});

	it("reads Apollo's minute, hour and day counters in both spellings", () => {
		expect(
			readRateLimitSignal({ 'x-minute-requests-left': '0', 'x-hourly-requests-left': '80', 'x-daily-requests-left': '900' }, now),
		).toEqual({
			remaining: 0,
			resumeAt: now + 60_000,
		});
		expect(readRateLimitSignal({ 'x-minute-requests-left': '5', 'x-24-hour-requests-left': '0' }, now)).toEqual({
			remaining: 0,
			resumeAt: now + 86_400_000,
		});
	});

	it('lets Retry-After win and says nothing when requests are left', () => {
		expect(readRateLimitSignal({ 'retry-after': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '99' }, now).resumeAt).toBe(
			now + 3000,
		);
		expect(readRateLimitSignal({ 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '99' }, now)).toEqual({ remaining: 7 });
		expect(readRateLimitSignal({}, now)).toEqual({});
	});
});
