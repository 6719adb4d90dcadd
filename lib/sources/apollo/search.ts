import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { normalizeDomain, num, text } from '../../normalize';
import type { ProviderRecord } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { CallOptions, EmployeeRange, SearchPage } from '../contracts';
import { apolloJson } from './call';
import type { ApolloSearchResponse } from './types';

export const MAX_PAGE_SIZE = 100;
/** Apollo serves at most 500 pages of any search (50,000 records at 100 a page). */
export const MAX_PAGE = 500;

/** Trimmed, non-empty entries; undefined when none are left (so the filter is not sent). */
export function list(values: string[] | undefined, normalize: (value: string) => string | undefined = text): string[] | undefined {
	const cleaned = (values ?? []).map(normalize).filter((value): value is string => value !== undefined);
	return cleaned.length > 0 ? cleaned : undefined;
}

/** Apollo documents no open-ended size range, only two numbers: an open upper end is sent as this. */
export const OPEN_EMPLOYEE_MAX = 1_000_000;

/**
 * Apollo's "min,max" range, always two whole numbers ("1,10"): no minimum is 1, no maximum is
 * {@link OPEN_EMPLOYEE_MAX} (or the minimum, when that is larger).
 */
export function employeeRanges(range: EmployeeRange | undefined): string[] | undefined {
	if (range?.min === undefined && range?.max === undefined) return undefined;
	const min = Math.max(1, Math.floor(range.min ?? 1));
	const max = range.max === undefined ? Math.max(OPEN_EMPLOYEE_MAX, min) : Math.ceil(range.max);
	return [`${min},${max}`];
}

/** Apollo takes at most this many domains in `q_organization_domains_list[]`. */
export const MAX_DOMAINS = 1000;

/** Normalized, distinct domains for `q_organization_domains_list[]`; more than Apollo takes are refused. */
export function domainList(ctx: TransportContext, domains: string[] | undefined, itemIndex?: number): string[] | undefined {
	const cleaned = list(domains, normalizeDomain);
	if (cleaned === undefined) return undefined;
	const distinct = [...new Set(cleaned)];
	if (distinct.length > MAX_DOMAINS) {
		const [limit, given] = [MAX_DOMAINS, distinct.length].map((count) => count.toLocaleString('en-US'));
		throw new NodeOperationError(ctx.getNode(), `Apollo searches at most ${limit} company domains at a time`, {
			itemIndex,
			description: `${given} domains were given: split them across items, at most ${limit} each (one search per item).`,
		});
	}
	return distinct;
}

/** `q_organization_name` takes one name; several cannot be expressed in one Apollo search. */
export function organizationName(ctx: TransportContext, names: string[] | undefined, itemIndex?: number): string | undefined {
	const cleaned = list(names);
	if (cleaned === undefined) return undefined;
	if (cleaned.length > 1) {
		throw new NodeOperationError(ctx.getNode(), 'Apollo searches one company name at a time', {
			itemIndex,
			description: 'Give a single company name, or filter by company domains, which Apollo accepts as a list.',
		});
	}
	return cleaned[0];
}

function lastPage(body: ApolloSearchResponse, perPage: number, received: number): number {
	const pages = num(body.pagination?.total_pages);
	const total = num(body.pagination?.total_entries) ?? num(body.total_entries);
	if (pages !== undefined) return Math.min(pages, MAX_PAGE);
	if (total !== undefined) return Math.min(Math.ceil(total / perPage), MAX_PAGE);
	// Without a total, only a full page suggests another one.
	return received >= perPage ? MAX_PAGE : 0;
}

/** One page of an Apollo `mixed_*` search, with the records under `keys` mapped in order. */
export async function searchPage<T>(
	ctx: TransportContext,
	path: string,
	filters: IDataObject,
	page: number,
	pageSize: number,
	read: { keys: Array<keyof ApolloSearchResponse>; map: (entry: T) => ProviderRecord },
	options: CallOptions = {},
): Promise<SearchPage> {
	const perPage = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(pageSize)));
	if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) return { records: [], hasMore: false };
	const body = await apolloJson<ApolloSearchResponse>(
		ctx,
		// Paging goes last so "additional provider fields" cannot desynchronize the caller's page loop.
		{ method: 'POST', path, body: { ...filters, page, per_page: perPage }, idempotent: true },
		options,
	);
	const records = read.keys.flatMap((key) => (Array.isArray(body[key]) ? (body[key] as T[]) : [])).map(read.map);
	// Apollo caps per_page silently; its own figure is the one pages are counted in.
	const effectivePerPage = num(body.pagination?.per_page) ?? perPage;
	return {
		records,
		total: num(body.pagination?.total_entries) ?? num(body.total_entries),
		hasMore: records.length > 0 && page < lastPage(body, effectivePerPage, records.length),
	};
}
