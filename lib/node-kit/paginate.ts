import type { ProviderRecord } from '../normalize';
import type { SearchPage } from '../sources/contracts';

export interface PagingLimits {
	/** Records wanted; Infinity for Return All. */
	wanted: number;
	maxPageSize: number;
	maxPage?: number;
	/** Which records count; the others are passed over and more pages are read to make up for them. */
	keep?: (record: ProviderRecord) => boolean;
}

/**
 * Follows a search's pages (1-based) until the provider has no more, the wanted number is
 * reached, or the provider's deepest page is passed. Pages are always asked at the provider's
 * maximum size (fewer calls) unless fewer records are wanted in all and none are passed over.
 */
export async function collectPages(
	fetchPage: (page: number, pageSize: number) => Promise<SearchPage>,
	limits: PagingLimits,
): Promise<{ records: ProviderRecord[]; total?: number; truncated: boolean }> {
	const pageSize = limits.keep ? limits.maxPageSize : Math.max(1, Math.min(limits.maxPageSize, limits.wanted));
	const records: ProviderRecord[] = [];
	let total: number | undefined;
	for (let page = 1; records.length < limits.wanted; page++) {
		if (limits.maxPage !== undefined && page > limits.maxPage) return { records, total, truncated: true };
		const result = await fetchPage(page, pageSize);
		total = result.total ?? total;
		const kept = limits.keep ? result.records.filter(limits.keep) : result.records;
		records.push(...kept.slice(0, limits.wanted - records.length));
		if (!result.hasMore || result.records.length === 0) break;
	}
	return { records, total, truncated: false };
}
