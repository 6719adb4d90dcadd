import { asNodeError } from '../../../../lib/transport';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { isValidDomain, normalizeDomain } from '../../../../lib/normalize';
import { errorItem, optionsCollection, paired, problemError, returnAllAndLimit } from '../../../../lib/node-kit';
import { PROVIDER_MODULES } from '../../../../lib/sources/registry';

const show = { resource: ['email'], operation: ['domainSearch'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Domain',
		name: 'domain',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: '={{ $json.company?.domain ?? $json.domain }}',
		placeholder: 'example.com',
		description: 'The company domain (or website) whose people to list',
	},
	...returnAllAndLimit({ show }, 'Hunter returns up to 100 per request.'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Personal', value: 'personal', description: 'Addresses of people' },
					{ name: 'Generic', value: 'generic', description: 'Role addresses such as contact@' },
				],
				default: 'personal',
			},
			{
				displayName: 'Seniority',
				name: 'seniority',
				type: 'multiOptions',
				options: [
					{ name: 'Junior', value: 'junior' },
					{ name: 'Senior', value: 'senior' },
					{ name: 'Executive', value: 'executive' },
				],
				default: [],
			},
			{
				displayName: 'Department',
				name: 'department',
				type: 'multiOptions',
				options: [
					'executive',
					'it',
					'finance',
					'management',
					'sales',
					'legal',
					'support',
					'hr',
					'marketing',
					'communication',
					'education',
					'design',
					'health',
					'operations',
				].map((value) => ({
					name: value.length <= 2 ? value.toUpperCase() : value[0].toUpperCase() + value.slice(1),
					value,
				})),
				default: [],
			},
		],
	},
	optionsCollection(show),
];

/** Hunter's domain search: every person Hunter knows at a domain, one output item each. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const searcher = PROVIDER_MODULES.hunter.domainSearcher!;
	const { maxAttempts } = this.getNodeParameter('options', 0, {}) as { maxAttempts?: number };
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const raw = this.getNodeParameter('domain', itemIndex);
			const domain = normalizeDomain(raw);
			if (domain === undefined || !isValidDomain(domain)) {
				throw problemError(this, itemIndex, {
					field: 'domain',
					message: domain === undefined ? 'no domain to search' : `domain "${String(raw).slice(0, 100)}" is not a valid domain`,
				});
			}
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const wanted = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as {
				type?: 'personal' | 'generic';
				seniority?: string[];
				department?: string[];
			};
			for (let offset = 0, found = 0; found < wanted;) {
				const pageSize = Math.min(searcher.maxPageSize, wanted - found);
				const page = await searcher.searchDomain(this, { domain, ...filters }, offset, pageSize, { itemIndex, maxAttempts });
				for (const record of page.people.slice(0, wanted - found)) {
					output.push(
						paired(
							{
								person: record.person as IDataObject,
								company: (record.company ?? page.company) as IDataObject,
								domain: page.domain,
								pattern: page.pattern,
								raw: record.raw as IDataObject,
							},
							itemIndex,
						),
					);
				}
				found += page.people.length;
				offset += page.people.length;
				if (page.people.length < pageSize || (page.total !== undefined && offset >= page.total)) break;
			}
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output.push(errorItem(this, items[itemIndex], itemIndex, asNodeError(this.getNode(), error, itemIndex).message));
		}
	}
	return output;
}
