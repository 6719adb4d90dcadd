import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { COMPANY_WANTED_FIELDS, enrichCompanies, parseCompany } from '../../../../lib/enrichment';
import type { CompanyWantedField } from '../../../../lib/enrichment';
import type { ProviderName } from '../../../../lib/normalize';
import { assertNoProblems, optionsCollection } from '../../../../lib/node-kit';
import { companyFromItem, firstProblem, itemProblem } from '../../../../lib/normalize';
import { providerModules } from '../../../../lib/sources/registry';
import type { LostPaidAnswers } from '../../../../lib/transport';
import { creditLimitOptions, readCreditLimits, warnIfBudgetReached } from '../budget';
import type { CreditLimitSettings } from '../budget';
import { WATERFALL_HINT, lostPaidAnswersOf, lostPaidAnswersOption, providersField } from '../fields';
import { outcomesToItems } from '../output';

const show = { resource: ['company'], operation: ['enrich'] };

export const description: INodeProperties[] = [
	providersField(show, ['apollo', 'zoomInfo', 'upLead'], ['apollo'], WATERFALL_HINT),
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		displayOptions: { show },
		options: [
			{
				name: 'Auto-Detect From Item',
				value: 'auto',
				description: 'Read the company from each item: this package\'s "company", or flat fields such as domain, website, company_name',
			},
			{ name: 'Define Below', value: 'define' },
		],
		default: 'auto',
	},
	{
		displayName: 'Company Domain',
		name: 'companyDomain',
		type: 'string',
		displayOptions: { show: { ...show, inputMode: ['define'] } },
		default: '',
		placeholder: 'example.com',
		description: "The company's domain or website (the surest way to identify a company)",
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		displayOptions: { show: { ...show, inputMode: ['define'] } },
		default: '',
	},
	{
		displayName: 'Wanted Fields',
		name: 'companyWanted',
		type: 'multiOptions',
		displayOptions: { show },
		options: Object.entries(COMPANY_WANTED_FIELDS).map(([value, name]) => ({ name, value })),
		default: ['industry', 'size'],
		description: 'The waterfall stops for a company once it has all of these',
	},
	optionsCollection(show, [
		{
			displayName: 'Keep Input Fields',
			name: 'keepInput',
			type: 'boolean',
			default: true,
			description: "Whether to output the input item's fields beside the enrichment",
		},
		lostPaidAnswersOption,
		...creditLimitOptions(['apollo', 'zoomInfo', 'upLead']),
	]),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const read = items.map((item, itemIndex) => {
		if (this.getNodeParameter('inputMode', itemIndex) === 'auto')
			return { input: companyFromItem(item.json), problem: itemProblem(item.json, { company: ['domain', 'name'] }) };
		const input = {
			domain: this.getNodeParameter('companyDomain', itemIndex, ''),
			name: this.getNodeParameter('companyName', itemIndex, ''),
		};
		return {
			input,
			problem: firstProblem([
				['companyDomain', input.domain, 'website'],
				['companyName', input.name, 'line'],
			]),
		};
	});
	const problems = read.map(({ problem }) => problem);
	assertNoProblems(
		this,
		read.map(({ input, problem }, itemIndex) => ({ itemIndex, problem: problem ?? parseCompany(input).problem })),
	);
	// An item refused here goes to the engine empty: with nothing to look up, nothing is spent on it.
	const inputs = read.map(({ input, problem }) => (problem ? {} : input));
	const options = this.getNodeParameter('options', 0, {}) as CreditLimitSettings & {
		keepInput?: boolean;
		lostPaidAnswers?: LostPaidAnswers;
		maxAttempts?: number;
	};
	const outcomes = await enrichCompanies(this, inputs, {
		providers: providerModules(this.getNodeParameter('providers', 0) as ProviderName[]),
		wanted: this.getNodeParameter('companyWanted', 0) as CompanyWantedField[],
		options: { maxAttempts: options.maxAttempts, lostPaidAnswers: lostPaidAnswersOf(options) },
		limits: readCreditLimits(this, options),
	});
	warnIfBudgetReached(this, outcomes);
	return outcomesToItems(this, items, outcomes, options.keepInput ?? true, problems);
}
