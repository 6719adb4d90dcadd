/** The request log that tests assert on, and the counters behind `/_sandbox/stats`. */
import type { ApiName, ProviderName } from './types';

export interface LogEntry {
	seq: number;
	/** Epoch ms when the request arrived. */
	at: number;
	provider: ProviderName;
	api: ApiName;
	method: string;
	/** Without the API prefix. */
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	/** 0 when the socket was dropped before any answer. */
	status: number;
	fault?: string;
	/** How the credential was presented, e.g. `header:x-api-key`, `query:api_key`, `body:api_key`. */
	credentialVia?: string;
	durationMs: number;
}

export interface LogFilter {
	provider?: ProviderName;
	api?: ApiName;
	method?: string;
	pathIncludes?: string;
	/** Only entries with a larger `seq`. */
	since?: number;
}

export type RequestCounts = Partial<Record<ProviderName, { total: number; byStatus: Record<string, number> }>>;

export class RequestLog {
	private readonly entries: LogEntry[] = [];
	private nextSeq = 1;
	private counts: RequestCounts = {};

	constructor(private readonly limit: () => number) {}

	add(entry: Omit<LogEntry, 'seq'>): LogEntry {
		const full: LogEntry = { seq: this.nextSeq++, ...entry };
		this.entries.push(full);
		const overflow = this.entries.length - this.limit();
		if (overflow > 0) this.entries.splice(0, overflow);
		const counts = (this.counts[entry.provider] ??= { total: 0, byStatus: {} });
		counts.total++;
		counts.byStatus[entry.status] = (counts.byStatus[entry.status] ?? 0) + 1;
		return full;
	}

	/** The live array: emptied in place by `clear()`, so a reference held by a test stays current. */
	get all(): readonly LogEntry[] {
		return this.entries;
	}

	filter(filter: LogFilter = {}): LogEntry[] {
		const method = filter.method?.toUpperCase();
		return this.entries.filter(
			(entry) =>
				(filter.provider === undefined || entry.provider === filter.provider) &&
				(filter.api === undefined || entry.api === filter.api) &&
				(method === undefined || entry.method === method) &&
				(filter.pathIncludes === undefined || entry.path.includes(filter.pathIncludes)) &&
				(filter.since === undefined || entry.seq > filter.since),
		);
	}

	/** Drops entries; counters and sequence numbers carry on so `since` stays meaningful. */
	clear(): void {
		this.entries.length = 0;
	}

	reset(): void {
		this.clear();
		this.counts = {};
		this.nextSeq = 1;
	}

	requestCounts(): RequestCounts {
		return structuredClone(this.counts);
	}
}
