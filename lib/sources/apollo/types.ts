/**
 * Apollo's answers as provider-apis.md and Apollo's docs describe them. Every field is optional
 * and read through the normalize helpers: Apollo omits, nulls and retypes fields freely.
 */

export interface ApolloPhone {
	raw_number?: string | null;
	sanitized_number?: string | null;
	type?: string | null;
	/** The spelling used in phone-reveal webhook payloads. */
	type_cd?: string | null;
}

export interface ApolloOrganization {
	id?: string | null;
	/** Set on `accounts` (the user's saved companies): the Apollo organization they stand for. */
	organization_id?: string | null;
	name?: string | null;
	website_url?: string | null;
	primary_domain?: string | null;
	linkedin_url?: string | null;
	industry?: string | null;
	estimated_num_employees?: number | null;
	annual_revenue?: number | null;
	phone?: string | null;
	primary_phone?: { number?: string | null; sanitized_number?: string | null } | null;
	street_address?: string | null;
	postal_code?: string | null;
	city?: string | null;
	state?: string | null;
	country?: string | null;
}

export interface ApolloPerson {
	id?: string | null;
	/** Set on `contacts` (the user's saved people): the Apollo person they stand for. */
	person_id?: string | null;
	first_name?: string | null;
	last_name?: string | null;
	name?: string | null;
	title?: string | null;
	seniority?: string | null;
	departments?: string[] | null;
	email?: string | null;
	email_status?: string | null;
	linkedin_url?: string | null;
	city?: string | null;
	state?: string | null;
	country?: string | null;
	phone_numbers?: ApolloPhone[] | null;
	organization_name?: string | null;
	organization?: ApolloOrganization | null;
}

export interface ApolloPagination {
	page?: number;
	per_page?: number;
	total_entries?: number;
	total_pages?: number;
}

/** `mixed_*` searches: `people`/`organizations`, plus the saved `contacts`/`accounts` on older endpoints. */
export interface ApolloSearchResponse {
	total_entries?: number;
	pagination?: ApolloPagination | null;
	people?: ApolloPerson[];
	contacts?: ApolloPerson[];
	organizations?: ApolloOrganization[];
	accounts?: ApolloOrganization[];
}

export interface ApolloMatchResponse {
	person?: ApolloPerson | null;
}

export interface ApolloBulkMatchResponse {
	matches?: Array<ApolloPerson | null>;
	credits_consumed?: number;
	missing_records?: number;
}

export interface ApolloOrganizationResponse {
	organization?: ApolloOrganization | null;
}
