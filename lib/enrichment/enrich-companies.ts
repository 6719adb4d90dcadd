import type { Company } from '../normalize';
import { compact } from '../normalize';
import type { CompanyLookup, LookupOptions, ProviderModule } from '../sources/contracts';
import type { TransportContext } from '../transport';
import { CreditBudget } from './budget';
import type { CreditLimits } from './budget';
import { deduplicate } from './dedupe';
import { companyKey, parseCompany } from './lookups';
import type { CompanyInput } from '../normalize';
import { perItem, reportOf } from './result';
import type { EnrichedRecord, ItemOutcome } from './result';
import { runWaterfall, stageOf } from './waterfall';
import type { Stage } from './waterfall';

export const COMPANY_WANTED_FIELDS = {
	domain: 'Domain',
	industry: 'Industry',
	size: 'Employee Count or Range',
	revenue: 'Revenue',
	phone: 'Phone',
	address: 'Address',
	linkedinUrl: 'LinkedIn URL',
} as const;

export type CompanyWantedField = keyof typeof COMPANY_WANTED_FIELDS;

const PRESENT: Record<CompanyWantedField, (company: Company) => boolean> = {
	domain: (company) => company.domain !== undefined,
	industry: (company) => company.industry !== undefined,
	size: (company) => company.employeeCount !== undefined || company.employeeRange !== undefined,
	revenue: (company) => company.revenue !== undefined || company.revenueRange !== undefined,
	phone: (company) => company.phone !== undefined,
	address: (company) => company.address !== undefined,
	linkedinUrl: (company) => company.linkedinUrl !== undefined,
};

export interface CompanyEnrichmentConfig {
	providers: ProviderModule[];
	wanted: CompanyWantedField[];
	options: LookupOptions;
	/** The most the run may spend. */
	limits?: CreditLimits;
}

function stagesOf(providers: ProviderModule[]): Array<Stage<CompanyLookup>> {
	return providers.flatMap((module) =>
		stageOf(
			module,
			module.companyEnricher,
			async (enricher, ctx, lookups, options) => await enricher.enrichCompanies(ctx, lookups, options),
			`${module.displayName} needs a company domain`,
		),
	);
}

/** The company counterpart of enrichPeople: the same validation, sharing, waterfall and report. */
export async function enrichCompanies(
	ctx: TransportContext,
	inputs: CompanyInput[],
	config: CompanyEnrichmentConfig,
): Promise<ItemOutcome[]> {
	const { unique, slots } = deduplicate(inputs.map(parseCompany), companyKey);
	const missingOf = (company: Company) => config.wanted.filter((field) => !PRESENT[field](company));
	const subjects = await runWaterfall(ctx, unique, {
		stages: stagesOf(config.providers),
		isDone: (subject) => missingOf(subject.merged.company).length === 0,
		seed: (lookup) => ({ person: {}, company: { domain: lookup.domain, name: lookup.name, ids: lookup.ids } }),
		// A domain found by one provider lets the next look the company up by it.
		nextLookup: (subject) => ({
			...subject.lookup,
			domain: subject.lookup.domain ?? subject.merged.company.domain,
			name: subject.lookup.name ?? subject.merged.company.name,
		}),
		emails: { catchAll: 'accept', guessed: 'accept' },
		options: config.options,
		budget: config.limits && new CreditBudget(config.limits),
	});
	const records = subjects.map((subject): EnrichedRecord => {
		const missing = missingOf(subject.merged.company);
		return { company: compact(subject.merged.company), enrichment: reportOf(subject, missing.length === 0, missing), raw: subject.raw };
	});
	return perItem(slots, records);
}
