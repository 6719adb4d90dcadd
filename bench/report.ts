/**
 * What each benchmark hands the runner: its table, the targets it was measured against, and the notes a
 * reader needs to trust the figures (what was simulated, what the baseline is). `bench/run.ts` prints the
 * sections and writes them to `bench/RESULTS.md`.
 */
export interface Target {
	/** What is compared, e.g. "requests vs baseline at 10,000". */
	name: string;
	/** The figure, e.g. "≤ 5%". */
	wanted: string;
	/** What this run measured, formatted. */
	measured: string;
	met: boolean;
}

export interface BenchSection {
	title: string;
	columns: string[];
	rows: Array<Array<string | number>>;
	targets: Target[];
	/** How the figures were produced: baseline, simulated parts, caveats. */
	notes: string[];
}

export type Benchmark = () => Promise<BenchSection>;

/** Figures as a reader wants them: thousands separated, at most `digits` decimals. */
export function fmt(value: number, digits = 0): string {
	return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function markdownTable(columns: string[], rows: Array<Array<string | number>>): string {
	const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
	return [line(columns), line(columns.map(() => '---')), ...rows.map(line)].join('\n');
}
