import { compact, normalizeDomain, text } from '../../normalize';
import type { PeopleSearchFilters, PeopleSearchProvider } from '../contracts';
import { personRecord } from './map';
import { employeeRanges, list, MAX_PAGE, MAX_PAGE_SIZE, organizationName, searchPage } from './search';
import type { ApolloPerson } from './types';

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
		const body = {
			...compact({
				person_titles: list(filters.jobTitles),
				person_seniorities: list(filters.seniorities),
				person_department_or_subdepartments: list(filters.departments),
				person_locations: list(filters.personLocations),
				q_organization_domains_list: list(filters.companyDomains, normalizeDomain),
				q_organization_name: organizationName(ctx, filters.companyNames),
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
