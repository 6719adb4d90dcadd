/** UpLead's answers as they arrive: every field may be missing, null or of another type than documented. */

export interface UpLeadCompany {
	id?: unknown;
	company_name?: unknown;
	domain?: unknown;
	website?: unknown;
	industry?: unknown;
	/** A head count, or a range such as "51-200". */
	employees?: unknown;
	/** US dollars, or a range such as "$10M-$50M". */
	revenue?: unknown;
	phone_number?: unknown;
	address?: unknown;
	city?: unknown;
	state?: unknown;
	zip?: unknown;
	country?: unknown;
	linkedin_url?: unknown;
}

export interface UpLeadPerson {
	id?: unknown;
	first_name?: unknown;
	last_name?: unknown;
	email?: unknown;
	email_status?: unknown;
	title?: unknown;
	job_function?: unknown;
	management_level?: unknown;
	linkedin_url?: unknown;
	phone?: unknown;
	mobile_phone?: unknown;
	city?: unknown;
	state?: unknown;
	country?: unknown;
	/** The employer, nested in person answers; some answers give only its name and domain, flat. */
	company?: UpLeadCompany | null;
	company_name?: unknown;
	domain?: unknown;
}

/** Lookups answer `{data: null}` when nothing was found, and may say how many credits are left. */
export interface UpLeadLookupAnswer<T> {
	data?: T | null;
	credits_remaining?: unknown;
}

export interface UpLeadProspectorAnswer {
	results?: unknown[];
	meta?: { total?: unknown; page?: unknown; next_page?: unknown; last_page?: unknown };
	/** Some UpLead answers wrap everything in `data`. */
	data?: unknown;
}
