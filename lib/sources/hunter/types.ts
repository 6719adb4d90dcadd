/** Hunter v2's answers as provider-apis.md and Hunter's docs describe them; read defensively. */

export interface HunterVerification {
	date?: string | null;
	status?: string | null;
}

/** An email as domain-search (`value`, `confidence`, `linkedin`) or email-finder (`email`, `score`, `linkedin_url`) gives it. */
export interface HunterEmail {
	value?: string | null;
	email?: string | null;
	type?: string | null;
	confidence?: number | null;
	score?: number | null;
	first_name?: string | null;
	last_name?: string | null;
	position?: string | null;
	seniority?: string | null;
	department?: string | null;
	linkedin?: string | null;
	linkedin_url?: string | null;
	phone_number?: string | null;
	/** email-finder only: the company and domain it searched. */
	company?: string | null;
	domain?: string | null;
	verification?: HunterVerification | null;
}

export interface HunterDomainData {
	domain?: string | null;
	pattern?: string | null;
	organization?: string | null;
	industry?: string | null;
	linkedin?: string | null;
	headcount?: string | null;
	street?: string | null;
	city?: string | null;
	state?: string | null;
	postal_code?: string | null;
	country?: string | null;
	emails?: HunterEmail[] | null;
}

export interface HunterEnvelope<T> {
	data?: T | null;
	meta?: { results?: number; limit?: number; offset?: number } | null;
}

export interface HunterVerifierData {
	email?: string | null;
	status?: string | null;
	/** The older verdict field: deliverable, undeliverable, risky. */
	result?: string | null;
	score?: number | null;
}

export interface HunterQuota {
	used?: number | null;
	available?: number | null;
}

export interface HunterAccountData {
	requests?: Record<string, HunterQuota | null> | null;
	reset_date?: string | null;
	plan_name?: string | null;
}
