import { compact } from '../../normalize';
import type { CompanySearchFilters, CompanySearchProvider } from '../contracts';
import { companyRecord } from './map';
import { domainList, employeeRanges, list, MAX_PAGE, MAX_PAGE_SIZE, organizationName, searchPage } from './search';
import type { ApolloOrganization } from './types';

/**
 * Apollo's organization search. Apollo filters industries by tag ids, not names; its keyword tags
 * match industry words, so industries and keywords both go there.
 */
export const apolloCompanySearch: CompanySearchProvider = {
	provider: 'apollo',
	maxPageSize: MAX_PAGE_SIZE,
	maxPage: MAX_PAGE,
	async searchCompanies(ctx, filters: CompanySearchFilters, page, pageSize, options) {
		const body = {
			...compact({
				q_organization_name: organizationName(ctx, filters.names, options?.itemIndex),
				q_organization_domains_list: domainList(ctx, filters.domains, options?.itemIndex),
				organization_locations: list(filters.locations),
				organization_num_employees_ranges: employeeRanges(filters.employeeRange),
				q_organization_keyword_tags: list([...(filters.industries ?? []), ...(filters.keywords !== undefined ? [filters.keywords] : [])]),
			}),
			...filters.additional,
		};
		// `accounts` are the user's saved companies that "mixed" search returns beside Apollo's own.
		return await searchPage<ApolloOrganization>(
			ctx,
			'/mixed_companies/search',
			body,
			page,
			pageSize,
			{ keys: ['accounts', 'organizations'], map: companyRecord },
			options,
		);
	},
};
