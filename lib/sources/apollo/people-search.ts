import { NodeOperationError } from 'n8n-workflow';

import { compact, text } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { PeopleSearchFilters, PeopleSearchProvider } from '../contracts';
import { personRecord } from './map';
import { domainList, employeeRanges, list, MAX_PAGE, MAX_PAGE_SIZE, searchPage } from './search';
import type { ApolloPerson } from './types';

/**
 * People API Search documents no department filter and no company-name filter (that one is
 * Organization Search's). Apollo would ignore them and widen the search, so they are refused.
 */
function refuseUnsupported(ctx: TransportContext, filters: PeopleSearchFilters, itemIndex: number | undefined): void {
	const refused = [
		list(filters.departments) !== undefined && {
			name: 'department',
			advice: 'Remove Departments, or narrow by Job Titles or Seniorities.',
		},
		list(filters.companyNames) !== undefined && {
			name: 'company-name',
			advice:
				'It filters employers by domain: give Company Domains (or Apollo organization ids in Additional Provider Fields as organization_ids).',
		},
	].filter((entry): entry is { name: string; advice: string } => typeof entry === 'object');
	if (refused.length === 0) return;
	throw new NodeOperationError(ctx.getNode(), `Apollo's people search has no ${refused.map((entry) => entry.name).join(' or ')} filter`, {
		itemIndex,
		description: refused.map((entry) => entry.advice).join(' '),
	});
}

/**
 * Apollo's people search (0 credits): teasers without emails, enriched later by id. Filters go in
 * the JSON body, which Apollo reads like its `person_titles[]=` query form and which keeps long
 * lists out of URLs.
 */
export const apolloPeopleSearch: PeopleSearchProvider = {
	provider: 'apollo',
	maxPageSize: MAX_PAGE_SIZE,
	maxPage: MAX_PAGE,
	async searchPeople(ctx, filters: PeopleSearchFilters, page, pageSize, options) {
		refuseUnsupported(ctx, filters, options?.itemIndex);
		const body = {
			...compact({
				person_titles: list(filters.jobTitles),
				person_seniorities: list(filters.seniorities),
				person_locations: list(filters.personLocations),
				q_organization_domains_list: domainList(ctx, filters.companyDomains, options?.itemIndex),
				organization_num_employees_ranges: employeeRanges(filters.employeeRange),
				q_keywords: text(filters.keywords),
			}),
			...filters.additional,
		};
		return await searchPage<ApolloPerson>(
			ctx,
			'/mixed_people/api_search',
			body,
			page,
			pageSize,
			{ keys: ['people', 'contacts'], map: personRecord },
			options,
		);
	},
};
