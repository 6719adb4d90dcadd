/** Peak heap growth during a run, sampled on real time so a simulated clock cannot skip the samples. */
export async function withPeakHeap<T>(run: () => Promise<T>): Promise<{ result: T; peakHeapMb: number }> {
	(globalThis as { gc?: () => void }).gc?.();
	const start = process.memoryUsage().heapUsed;
	let peak = start;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
	try {
		const result = await run();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return { result, peakHeapMb: (peak - start) / 2 ** 20 };
	} finally {
		clearInterval(sampler);
	}
}

export function duration(ms: number): string {
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
	if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
	return `${(ms / 3_600_000).toFixed(2)} h`;
}
