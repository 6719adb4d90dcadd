import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { compact, normalizeDomain, num, text } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { CallOptions, PeopleSearchFilters, SearchPage } from '../contracts';
import { upLeadJson } from './call';
import { fields, personRecord } from './map';
import type { UpLeadProspectorAnswer } from './types';

export const MAX_PER_PAGE = 100;

/** The package's seniority words (Apollo's vocabulary) as UpLead's management levels. */
const MANAGEMENT_LEVEL: Record<string, string> = {
	owner: 'C-Level',
	founder: 'C-Level',
	c_suite: 'C-Level',
	partner: 'C-Level',
	vp: 'VP-Level',
	head: 'VP-Level',
	director: 'Director-Level',
	manager: 'Manager-Level',
	senior: 'Non-Manager',
	entry: 'Non-Manager',
	intern: 'Non-Manager',
};

/** Values UpLead does not know pass unchanged: the user may have typed UpLead's own level. */
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

/** UpLead names job functions in title case: `human_resources` → "Human Resources". */
function jobFunction(department: string): string {
	return department
		.trim()
		.replace(/_+/g, ' ')
		.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

function distinct(values: Array<string | undefined> | undefined): string[] {
	return [...new Set((values ?? []).map((value) => text(value)).filter((value) => value !== undefined))];
}

/**
 * Every prospector record costs a credit, so a filter UpLead cannot apply is refused rather than
 * dropped: dropping it would widen the search and spend credits on people nobody asked for.
 */
function unsupportedFilters(filters: PeopleSearchFilters): string[] {
	return [
		distinct(filters.jobTitles).length > 0 && 'job titles',
		distinct(filters.companyNames).length > 0 && 'company names',
		(filters.employeeRange?.min !== undefined || filters.employeeRange?.max !== undefined) && 'employee range',
		text(filters.keywords) !== undefined && 'keywords',
	].filter((name): name is string => typeof name === 'string');
}

/**
 * The prospector searches one company at a time. Paging across several domains would need each
 * domain's total before its first page could be placed, so one domain per search is required and
 * the node runs one search per item.
 */
function prospectorQuery(ctx: TransportContext, filters: PeopleSearchFilters, itemIndex: number | undefined): IDataObject {
	const unsupported = unsupportedFilters(filters);
	if (unsupported.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `UpLead people search cannot filter by ${unsupported.join(', ')}`, {
			itemIndex,
			description: "Remove these filters, or give UpLead's own prospector fields under Additional Provider Fields.",
		});
	}
	const domains = distinct(filters.companyDomains?.map(normalizeDomain));
	if (domains.length !== 1) {
		throw new NodeOperationError(ctx.getNode(), 'UpLead people search needs exactly one company domain', {
			itemIndex,
			description:
				domains.length === 0
					? 'Give the domain of the company whose people to find.'
					: `${domains.length} domains were given: search each one on its own item.`,
		});
	}
	const query = compact<IDataObject>({
		domain: domains[0],
		job_function: distinct(filters.departments?.map(jobFunction)),
		management_level: distinct(filters.seniorities?.map(managementLevel)),
		countries: distinct(filters.personLocations),
	});
	return { ...query, ...filters.additional };
}

function hasMore(meta: Record<string, unknown>, page: number, perPage: number, received: number): boolean {
	if (received === 0) return false;
	if (meta.next_page !== undefined) return num(meta.next_page) !== undefined;
	const last = num(meta.last_page);
	if (last !== undefined) return page < last;
	const total = num(meta.total);
	return total !== undefined ? page * perPage < total : received === perPage;
}

export async function searchPeople(
	ctx: TransportContext,
	filters: PeopleSearchFilters,
	page: number,
	pageSize: number,
	options: CallOptions = {},
): Promise<SearchPage> {
	const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(pageSize)));
	const body = { ...prospectorQuery(ctx, filters, options.itemIndex), page, per_page: perPage };
	const answer = await upLeadJson<UpLeadProspectorAnswer>(
		ctx,
		{ method: 'POST', path: '/prospector-search', body, idempotent: true },
		options,
	);
	const content = answer.results !== undefined ? answer : fields(answer.data);
	const results = Array.isArray(content.results) ? content.results : [];
	const meta = fields(content.meta);
	return {
		records: results.map((entry) => personRecord(fields(entry))),
		total: num(meta.total),
		hasMore: hasMore(meta, page, perPage, results.length),
	};
}
