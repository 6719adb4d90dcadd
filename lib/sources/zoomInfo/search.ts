import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { compact, normalizeDomain, num, text } from '../../normalize';
import type { ProviderRecord } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { CallOptions, CompanySearchFilters, EmployeeRange, PeopleSearchFilters, SearchPage } from '../contracts';
import { zoomInfoJson } from './call';
import { companyRecord, contactRecord, fields } from './map';
import type { ZoomInfoSearchAnswer } from './types';

export const MAX_RPP = 100;

/** Free text (titles, company names) may hold commas, so several values are joined with ZoomInfo's OR. */
const OR = ' OR ';

/** The package's seniority words (Apollo's vocabulary) as ZoomInfo's management levels. */
const MANAGEMENT_LEVEL: Record<string, string> = {
	owner: 'C Level Exec',
	founder: 'C Level Exec',
	c_suite: 'C Level Exec',
	partner: 'C Level Exec',
	vp: 'VP Level Exec',
	head: 'VP Level Exec',
	director: 'Director',
	manager: 'Manager',
	senior: 'Non Manager',
	entry: 'Non Manager',
	intern: 'Non Manager',
};

/** Values ZoomInfo does not know pass unchanged: the user may have typed ZoomInfo's own level. */
function managementLevel(seniority: string): string {
	return (
		MANAGEMENT_LEVEL[
			seniority
				.trim()
				.toLowerCase()
				.replace(/[^a-z]+/g, '_')
		] ?? seniority.trim()
	);
}

/** Distinct non-empty values joined, or undefined so the filter is left out. */
function joined(values: Array<string | undefined> | undefined, separator = ','): string | undefined {
	const kept = [...new Set((values ?? []).map((value) => text(value)).filter((value) => value !== undefined))];
	return kept.length > 0 ? kept.join(separator) : undefined;
}

function employeeFilters(range: EmployeeRange | undefined): IDataObject {
	return { employeeRangeMin: text(range?.min), employeeRangeMax: text(range?.max) };
}

function peopleQuery(filters: PeopleSearchFilters): IDataObject {
	const query = compact<IDataObject>({
		jobTitle: joined(filters.jobTitles, OR),
		managementLevel: joined(filters.seniorities?.map(managementLevel)),
		department: joined(filters.departments),
		companyWebsite: joined(filters.companyDomains?.map(normalizeDomain)),
		companyName: joined(filters.companyNames, OR),
		country: joined(filters.personLocations),
		// `country` is the company's address unless locationSearchType says whose; these are the people's.
		locationSearchType: filters.personLocations?.length ? 'Person' : undefined,
		...employeeFilters(filters.employeeRange),
	});
	return { ...query, ...filters.additional };
}

function companyQuery(filters: CompanySearchFilters): IDataObject {
	const query = compact<IDataObject>({
		companyName: joined(filters.names, OR),
		companyWebsite: joined(filters.domains?.map(normalizeDomain)),
		country: joined(filters.locations),
		industryKeywords: joined(filters.industries),
		companyDescription: text(filters.keywords),
		...employeeFilters(filters.employeeRange),
	});
	return { ...query, ...filters.additional };
}

/**
 * ZoomInfo echoes the page size it served as `maxResults`. A `maxResults` above the page size can
 * only be a cap on how deep results go, so paging stops there too.
 */
function hasMore(answer: Partial<ZoomInfoSearchAnswer<unknown>>, page: number, rpp: number, received: number): boolean {
	if (received === 0) return false;
	const total = num(answer.totalResults);
	if (total === undefined) return received === rpp;
	const cap = num(answer.maxResults);
	const reachable = cap !== undefined && cap > rpp ? Math.min(total, cap) : total;
	return (num(answer.currentPage) ?? page) * rpp < reachable;
}

async function searchPage(
	ctx: TransportContext,
	path: string,
	query: IDataObject,
	page: number,
	pageSize: number,
	toRecord: (entry: Record<string, unknown>) => ProviderRecord,
	options: CallOptions = {},
): Promise<SearchPage> {
	const rpp = Math.min(MAX_RPP, Math.max(1, Math.floor(pageSize)));
	const answer = await zoomInfoJson<ZoomInfoSearchAnswer<unknown>>(
		ctx,
		{ method: 'POST', path, body: { ...query, rpp, page }, idempotent: true },
		options,
	);
	const data = Array.isArray(answer.data) ? answer.data : [];
	return {
		records: data.map((entry) => toRecord(fields(entry))),
		total: num(answer.totalResults),
		hasMore: hasMore(answer, page, rpp, data.length),
	};
}

export async function searchPeople(
	ctx: TransportContext,
	filters: PeopleSearchFilters,
	page: number,
	pageSize: number,
	options?: CallOptions,
): Promise<SearchPage> {
	if (text(filters.keywords) !== undefined) {
		throw new NodeOperationError(ctx.getNode(), 'ZoomInfo people search has no keyword filter', {
			itemIndex: options?.itemIndex,
			description: "Remove the keywords, or give ZoomInfo's own search fields under Additional Provider Fields.",
		});
	}
	return await searchPage(ctx, '/search/contact', peopleQuery(filters), page, pageSize, contactRecord, options);
}

export async function searchCompanies(
	ctx: TransportContext,
	filters: CompanySearchFilters,
	page: number,
	pageSize: number,
	options?: CallOptions,
): Promise<SearchPage> {
	return await searchPage(ctx, '/search/company', companyQuery(filters), page, pageSize, companyRecord, options);
}
