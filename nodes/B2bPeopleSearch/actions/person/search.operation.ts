import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { isNewPerson, rememberReturned } from '../../../../lib/enrichment';
import { openNodeMemory, optionsCollection, returnAllAndLimit } from '../../../../lib/node-kit';
import type { PeopleSearchFilters } from '../../../../lib/sources/contracts';
import { PROVIDER_MODULES } from '../../../../lib/sources/registry';
import { runSearch } from '../run-search';
import { additionalFields, additionalFieldsProperty, employeeRange, employeeRangeFilters, list } from '../filters';

const show = { resource: ['person'], operation: ['search'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit({ show }, 'Apollo serves up to 50,000 people per search (500 pages of 100).'),
	{
		displayName: 'Only People Not Returned Before',
		name: 'onlyNew',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			'Whether to return only people this node has not returned in an earlier run (or earlier in this one), so a schedule passes ' +
			'only new people on. Limit then counts new people, and further pages are read to find them.',
		hint:
			'Remembered per workflow and node by email, LinkedIn URL, provider ID or name with company domain; rename the node to start ' +
			'afresh. Runs started by hand read the memory but do not add to it.',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Company Domains',
				name: 'companyDomains',
				type: 'string',
				default: '',
				placeholder: 'acme.com, example.org',
				description: 'Comma-separated company domains. Apollo takes up to 1,000 in one search; UpLead searches one domain at a time.',
			},
			{
				displayName: 'Company Names',
				name: 'companyNames',
				type: 'string',
				default: '',
				description: 'Comma-separated company names. Not for Apollo, whose people search filters companies by domain: use Company Domains.',
			},
			{
				displayName: 'Departments',
				name: 'departments',
				type: 'string',
				default: '',
				placeholder: 'engineering, sales',
				description:
					'Comma-separated departments or job functions. Not for Apollo, whose people search has no department filter. ' +
					'UpLead takes one of its own job functions per search (e.g. engineering, human resources).',
			},
			...employeeRangeFilters,
			{
				displayName: 'Job Titles',
				name: 'jobTitles',
				type: 'string',
				default: '',
				placeholder: 'CTO, IT Director',
				description: 'Comma-separated job titles',
			},
			{ displayName: 'Keywords', name: 'keywords', type: 'string', default: '', description: 'Free-text keywords' },
			{
				displayName: 'Person Locations',
				name: 'personLocations',
				type: 'string',
				default: '',
				placeholder: 'United States, London',
				description: 'Comma-separated countries, states or cities',
			},
			{
				displayName: 'Seniorities',
				name: 'seniorities',
				type: 'multiOptions',
				options: ['owner', 'founder', 'c_suite', 'partner', 'vp', 'head', 'director', 'manager', 'senior', 'entry'].map((value) => ({
					name: value === 'c_suite' ? 'C-Suite' : value === 'vp' ? 'VP' : value[0].toUpperCase() + value.slice(1),
					value,
				})),
				default: [],
			},
		],
	},
	additionalFieldsProperty(show),
	optionsCollection(show),
];

export function peopleFilters(ctx: IExecuteFunctions, itemIndex: number): PeopleSearchFilters {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return {
		jobTitles: list(filters.jobTitles),
		seniorities: list(filters.seniorities),
		departments: list(filters.departments),
		personLocations: list(filters.personLocations),
		companyDomains: list(filters.companyDomains),
		companyNames: list(filters.companyNames),
		employeeRange: employeeRange(filters),
		keywords: (filters.keywords as string | undefined) || undefined,
		additional: additionalFields(ctx, itemIndex),
	};
}

/** People remembered at most (some 7 MB of the workflow's static data), the oldest forgotten first. */
const MAX_REMEMBERED_KEYS = 300_000;

/** One search per input item; one output item per person found, paired to that input. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const returned = this.getNodeParameter('onlyNew', 0, false)
		? openNodeMemory(this, 'returnedPeople', 'the people returned before')
		: undefined;
	const output = await runSearch<PeopleSearchFilters>(this, items, {
		searcher: (provider) => {
			const search = PROVIDER_MODULES[provider].peopleSearch!;
			return {
				maxPageSize: search.maxPageSize,
				maxPage: search.maxPage,
				search: async (filters, page, pageSize, options) => await search.searchPeople(this, filters, page, pageSize, options),
			};
		},
		filters: (itemIndex) => peopleFilters(this, itemIndex),
		output: (record, provider) => ({
			person: record.person as IDataObject,
			company: record.company as IDataObject,
			provider,
			raw: record.raw as IDataObject,
		}),
		keep: returned && ((record) => isNewPerson(returned.memory, record.person ?? {})),
		// Remembered only once an item's search is complete, so a search failing halfway loses nobody.
		returned:
			returned &&
			((records) => {
				for (const record of records) rememberReturned(returned.memory, record.person ?? {}, returned.today);
			}),
	});
	if (returned) {
		returned.memory.prune(0, MAX_REMEMBERED_KEYS);
		returned.save();
	}
	return output;
}
