import type { IDataObject } from 'n8n-workflow';

import type { Company, EmailStatus, Person, ProviderName, ProviderRecord } from '../normalize';
import type { CallOptions, LostSends, TransportContext } from '../transport';

/**
 * What a provider module offers the nodes. Each module maps its API to these calls and the
 * normalized shapes; nodes compose modules and never build a provider request themselves.
 * Modules throw ProviderApiError for call-level failures (the transport's), and report
 * record-level outcomes (no match, a record over the plan's limit) in their results.
 */

export interface EmployeeRange {
	min?: number;
	max?: number;
}

export interface PeopleSearchFilters {
	jobTitles?: string[];
	seniorities?: string[];
	departments?: string[];
	personLocations?: string[];
	companyDomains?: string[];
	companyNames?: string[];
	employeeRange?: EmployeeRange;
	keywords?: string;
	/** Provider-specific fields merged into the request as they are ("additional provider fields"). */
	additional?: IDataObject;
}

export interface CompanySearchFilters {
	names?: string[];
	domains?: string[];
	locations?: string[];
	industries?: string[];
	employeeRange?: EmployeeRange;
	keywords?: string;
	additional?: IDataObject;
}

export interface SearchPage {
	records: ProviderRecord[];
	/** Total matches the provider reports, when it does. */
	total?: number;
	/** Whether asking for the next page can return more. */
	hasMore: boolean;
}

export type { CallOptions } from '../transport';

export interface PeopleSearchProvider {
	provider: ProviderName;
	/** Largest page the API serves; searches always ask for it (fewer calls). */
	maxPageSize: number;
	/** Deepest page the API serves (Apollo: 500), if limited. */
	maxPage?: number;
	searchPeople(
		ctx: TransportContext,
		filters: PeopleSearchFilters,
		page: number,
		pageSize: number,
		options?: CallOptions,
	): Promise<SearchPage>;
}

export interface CompanySearchProvider {
	provider: ProviderName;
	maxPageSize: number;
	maxPage?: number;
	searchCompanies(
		ctx: TransportContext,
		filters: CompanySearchFilters,
		page: number,
		pageSize: number,
		options?: CallOptions,
	): Promise<SearchPage>;
}

/** A validated, normalized person to look up. At least an email, a LinkedIn URL, a provider id, or a name with a domain or company name. */
export interface PersonLookup {
	email?: string;
	firstName?: string;
	lastName?: string;
	fullName?: string;
	domain?: string;
	companyName?: string;
	linkedinUrl?: string;
	ids?: Person['ids'];
}

export interface CompanyLookup {
	domain?: string;
	name?: string;
	ids?: Company['ids'];
}

export type LookupStatus = 'matched' | 'noMatch' | 'error';

export interface LookupOutcome {
	status: LookupStatus;
	record?: ProviderRecord;
	/** Credits (or records) this lookup spent, as the provider counts them, with what its lost answers are assumed to have cost. */
	credits: number;
	/** Sends of this lookup whose answer was lost before the one answered, and the part of `credits` they are assumed to have cost. */
	lost?: LostSends;
	/** For `error`: why, in the provider's words. `quotaExhausted` stops the provider for the run. */
	error?: { kind: 'quotaExhausted' | 'rateLimited' | 'invalidInput' | 'failed'; message: string };
}

export interface LookupOptions extends CallOptions {
	/** Apollo: reveal phone numbers (extra credits, delivered later to `phoneWebhookUrl`). */
	revealPhone?: boolean;
	phoneWebhookUrl?: string;
	revealPersonalEmails?: boolean;
}

export interface PersonEnricher {
	provider: ProviderName;
	/** Lookups per API call: Apollo bulk_match 10, ZoomInfo 25, others 1. */
	batchSize: number;
	/** Whether this provider can look this person up at all (Hunter's finder needs a name and a domain). */
	accepts(lookup: PersonLookup): boolean;
	/** One outcome per lookup, in the same order. */
	enrichPeople(ctx: TransportContext, lookups: PersonLookup[], options?: LookupOptions): Promise<LookupOutcome[]>;
	/**
	 * The most these lookups can cost in one run with these options, as the provider charges: what an
	 * estimate calls the worst case, and what a credit budget sets aside before sending them. Never
	 * less than the provider can charge, since a budget relies on it.
	 */
	maxCredits(lookups: PersonLookup[], options: LookupOptions): number;
}

export interface CompanyEnricher {
	provider: ProviderName;
	batchSize: number;
	accepts(lookup: CompanyLookup): boolean;
	enrichCompanies(ctx: TransportContext, lookups: CompanyLookup[], options?: CallOptions): Promise<LookupOutcome[]>;
	/** As PersonEnricher's. */
	maxCredits(lookups: CompanyLookup[]): number;
}

export interface EmailVerification {
	email: string;
	status: EmailStatus;
	/** 0 to 100. */
	score?: number;
	/** Why the status is less certain than usual, e.g. the check was still running when polling gave up. */
	note?: string;
	/** Sends whose answer was lost before the one answered, and the credits they are assumed to have cost. */
	lost?: LostSends;
	raw: unknown;
}

export interface EmailVerifier {
	provider: ProviderName;
	/** What one address's verification costs, however many polls it takes. */
	creditsPerVerification: number;
	/** Polls while the provider says the check is still running. */
	verifyEmail(ctx: TransportContext, email: string, options?: CallOptions): Promise<EmailVerification>;
}

export interface DomainSearchResult {
	domain: string;
	pattern?: string;
	company?: Company;
	people: ProviderRecord[];
	total?: number;
	raw: unknown;
}

export interface DomainSearcher {
	provider: ProviderName;
	maxPageSize: number;
	searchDomain(
		ctx: TransportContext,
		query: { domain?: string; companyName?: string; type?: 'personal' | 'generic'; seniority?: string[]; department?: string[] },
		offset: number,
		limit: number,
		options?: CallOptions,
	): Promise<DomainSearchResult>;
}

export interface UsageFigure {
	/** What is counted, in the provider's words: "searches", "credits", "recordLimit"... */
	name: string;
	used?: number;
	limit?: number;
	remaining?: number;
	/** When the figure comes from rate-limit headers rather than an account endpoint. */
	period?: string;
}

export interface UsageReport {
	provider: ProviderName;
	figures: UsageFigure[];
	raw: unknown;
}

export interface UsageReader {
	provider: ProviderName;
	getUsage(ctx: TransportContext, options?: CallOptions): Promise<UsageReport>;
}

/** A provider module: the capabilities it has. */
export interface ProviderModule {
	provider: ProviderName;
	displayName: string;
	credentialType: string;
	peopleSearch?: PeopleSearchProvider;
	companySearch?: CompanySearchProvider;
	personEnricher?: PersonEnricher;
	companyEnricher?: CompanyEnricher;
	emailVerifier?: EmailVerifier;
	domainSearcher?: DomainSearcher;
	usage: UsageReader;
}
