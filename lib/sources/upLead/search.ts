import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { compact, normalizeDomain, num, text } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { CallOptions, PeopleSearchFilters, SearchPage } from '../contracts';
import { upLeadJson } from './call';
import { fields, personRecord } from './map';
import type { UpLeadProspectorAnswer } from './types';

export const MAX_PER_PAGE = 100;

/*
 * UpLead's prospector search takes `domain` (required), one `management_level` code (M, D, VP, C
 * or CX), one lower-case `job_function` from a fixed list, `titles` (an array) and `countries` (an
 * array), and serves at most 100 records a page. Source: the OpenAPI description in the
 * api-evangelist/uplead repository, a reconstruction of docs.uplead.com, not UpLead's own file.
 */

/** UpLead's management level codes. CX is listed without a meaning; C is the C-suite. */
export const MANAGEMENT_LEVELS = ['M', 'D', 'VP', 'C', 'CX'] as const;

/** The package's seniority words (Apollo's vocabulary) as UpLead's management level codes. */
const MANAGEMENT_LEVEL: Record<string, string> = {
	owner: 'C',
	founder: 'C',
	c_suite: 'C',
	partner: 'C',
	vp: 'VP',
	head: 'VP',
	director: 'D',
	manager: 'M',
};

/** The job functions UpLead's prospector search accepts, exactly as it spells them. */
export const JOB_FUNCTIONS = [
	'advisory',
	'analyst',
	'creative',
	'education',
	'engineering',
	'finance',
	'fulfillment',
	'health',
	'hospitality',
	'human resources',
	'legal',
	'manufacturing',
	'marketing',
	'operations',
	'partnerships',
	'product',
	'professional service',
	'public service',
	'research',
	'sales',
	'sales engineering',
	'support',
	'trade',
	'unemployed',
] as const;

/** A seniority word or one of UpLead's own codes, as a code; undefined when UpLead has none (senior, entry, intern). */
function managementLevel(seniority: string): string | undefined {
	const code = seniority.trim().toUpperCase();
	if ((MANAGEMENT_LEVELS as readonly string[]).includes(code)) return code;
	return MANAGEMENT_LEVEL[
		seniority
			.trim()
			.toLowerCase()
			.replace(/[^a-z]+/g, '_')
	];
}

/** `human_resources`, "Human Resources" and "human-resources" all name UpLead's "human resources". */
function jobFunction(department: string): string {
	return department
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ');
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
		distinct(filters.companyNames).length > 0 && 'company names',
		(filters.employeeRange?.min !== undefined || filters.employeeRange?.max !== undefined) && 'employee range',
		text(filters.keywords) !== undefined && 'keywords',
	].filter((name): name is string => typeof name === 'string');
}

/** The one management level code the seniorities name; refuses seniorities without a code and several codes. */
function managementLevelOf(ctx: TransportContext, seniorities: string[], itemIndex: number | undefined): string | undefined {
	const words = distinct(seniorities);
	const unknown = words.filter((word) => managementLevel(word) === undefined);
	if (unknown.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `UpLead people search has no management level for ${unknown.join(', ')}`, {
			itemIndex,
			description:
				'UpLead filters by management level M (manager), D (director), VP or C (C-suite). Use owner, founder, c_suite, partner, ' +
				'vp, head, director or manager, or one of those codes; leave Seniorities empty to search every level.',
		});
	}
	const codes = distinct(words.map(managementLevel));
	if (codes.length > 1) {
		throw new NodeOperationError(ctx.getNode(), 'UpLead people search takes one management level per search', {
			itemIndex,
			description: `These seniorities name ${codes.join(', ')}: search each level on its own item.`,
		});
	}
	return codes[0];
}

/** The one job function the departments name; refuses a function UpLead does not list, and several. */
function jobFunctionOf(ctx: TransportContext, departments: string[], itemIndex: number | undefined): string | undefined {
	const names = distinct(distinct(departments).map(jobFunction));
	const unknown = names.filter((name) => !(JOB_FUNCTIONS as readonly string[]).includes(name));
	if (unknown.length > 0) {
		throw new NodeOperationError(ctx.getNode(), `UpLead people search has no job function ${unknown.join(', ')}`, {
			itemIndex,
			description: `UpLead's job functions are: ${JOB_FUNCTIONS.join(', ')}.`,
		});
	}
	if (names.length > 1) {
		throw new NodeOperationError(ctx.getNode(), 'UpLead people search takes one job function per search', {
			itemIndex,
			description: `${names.length} departments were given (${names.join(', ')}): search each one on its own item.`,
		});
	}
	return names[0];
}

/**
 * The prospector searches one company at a time. Paging across several domains would need each
 * domain's total before its first page could be placed, so one domain per search is required and
 * the node runs one search per item. `management_level` and `job_function` are single values too.
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
		job_function: jobFunctionOf(ctx, filters.departments ?? [], itemIndex),
		management_level: managementLevelOf(ctx, filters.seniorities ?? [], itemIndex),
		titles: distinct(filters.jobTitles),
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
