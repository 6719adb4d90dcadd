/**
 * The package's normalized shapes. Every provider module maps its API to these, every node
 * outputs them, and the sync nodes accept them, so an enrichment result reaches HaloPSA,
 * HighLevel or Thrio without hand mapping. Fields a provider does not know are left out,
 * never set to empty strings, so merging can tell "unknown" from "known".
 */

export const PROVIDERS = ['apollo', 'zoomInfo', 'hunter', 'upLead'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/**
 * How sure a provider is that an email reaches the person. `verified`: confirmed deliverable;
 * `guessed`: built from the company's pattern, unconfirmed; `catchAll`: the domain accepts every
 * address, so deliverability cannot be known; `webmail`/`disposable`: valid but not a work
 * address; `invalid`: bounces; `unknown`: the provider could not tell.
 */
export type EmailStatus = 'verified' | 'guessed' | 'catchAll' | 'webmail' | 'disposable' | 'invalid' | 'unknown';

export interface Phone {
	number: string;
	type?: 'work' | 'mobile' | 'direct' | 'other';
}

export interface Location {
	city?: string;
	state?: string;
	country?: string;
}

export interface Address extends Location {
	street?: string;
	postalCode?: string;
}

export type ProviderIds = Partial<Record<ProviderName, string>>;

export interface Person {
	firstName?: string;
	lastName?: string;
	fullName?: string;
	email?: string;
	emailStatus?: EmailStatus;
	/** 0 to 100, where the provider scores its email. */
	emailConfidence?: number;
	title?: string;
	seniority?: string;
	department?: string;
	phones?: Phone[];
	linkedinUrl?: string;
	location?: Location;
	/** The employer as the provider knows it; the full record is the sibling `company`. */
	companyName?: string;
	companyDomain?: string;
	ids?: ProviderIds;
}

export interface Company {
	name?: string;
	/** Bare registrable host, lower case, no scheme or `www.` (see normalizeDomain). */
	domain?: string;
	website?: string;
	industry?: string;
	employeeCount?: number;
	/** As the provider states it, e.g. "51-200". */
	employeeRange?: string;
	/** Annual revenue in US dollars. */
	revenue?: number;
	revenueRange?: string;
	phone?: string;
	address?: Address;
	linkedinUrl?: string;
	ids?: ProviderIds;
}

/** One provider's answer about one person or company, with its untouched record. */
export interface ProviderRecord {
	person?: Person;
	company?: Company;
	raw: unknown;
}
