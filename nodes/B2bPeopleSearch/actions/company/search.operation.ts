import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimit } from '../../../../lib/node-kit';
import type { CompanySearchFilters } from '../../../../lib/sources/contracts';
import { PROVIDER_MODULES } from '../../../../lib/sources/registry';
import { runSearch } from '../run-search';
import { additionalFields, additionalFieldsProperty, employeeRange, employeeRangeFilters, list } from '../filters';

const show = { resource: ['company'], operation: ['search'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit({ show }, "Searches page at the provider's largest page size."),
	{
		displayName: 'Filters',
		name: 'companyFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Domains',
				name: 'domains',
				type: 'string',
				default: '',
				placeholder: 'acme.com, example.org',
				description: 'Comma-separated company domains. Apollo takes up to 1,000 in one search.',
			},
			...employeeRangeFilters,
			{ displayName: 'Industries', name: 'industries', type: 'string', default: '', description: 'Comma-separated industries' },
			{ displayName: 'Keywords', name: 'keywords', type: 'string', default: '', description: 'Free-text keywords' },
			{
				displayName: 'Locations',
				name: 'locations',
				type: 'string',
				default: '',
				description: 'Comma-separated countries, states or cities of the headquarters',
			},
			{ displayName: 'Names', name: 'names', type: 'string', default: '', description: 'Comma-separated company names' },
		],
	},
	additionalFieldsProperty(show),
	optionsCollection(show),
];

function companyFilters(ctx: IExecuteFunctions, itemIndex: number): CompanySearchFilters {
	const filters = ctx.getNodeParameter('companyFilters', itemIndex, {}) as IDataObject;
	return {
		names: list(filters.names),
		domains: list(filters.domains),
		locations: list(filters.locations),
		industries: list(filters.industries),
		employeeRange: employeeRange(filters),
		keywords: (filters.keywords as string | undefined) || undefined,
		additional: additionalFields(ctx, itemIndex),
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSearch<CompanySearchFilters>(this, items, {
		searcher: (provider) => {
			const search = PROVIDER_MODULES[provider].companySearch!;
			return {
				maxPageSize: search.maxPageSize,
				maxPage: search.maxPage,
				search: async (filters, page, pageSize, options) => await search.searchCompanies(this, filters, page, pageSize, options),
			};
		},
		filters: (itemIndex) => companyFilters(this, itemIndex),
		output: (record, provider) => ({ company: record.company as IDataObject, provider, raw: record.raw as IDataObject }),
	});
}
