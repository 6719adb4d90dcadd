/** ZoomInfo's answers as they arrive: every field may be missing, null or of another type than documented. */

export interface ZoomInfoLink {
	type?: unknown;
	url?: unknown;
}

export interface ZoomInfoContact {
	id?: unknown;
	firstName?: unknown;
	lastName?: unknown;
	email?: unknown;
	phone?: unknown;
	mobilePhone?: unknown;
	jobTitle?: unknown;
	/** A list of levels in enrich answers ("C Level Exec"), sometimes a single string. */
	managementLevel?: unknown;
	jobFunction?: Array<{ name?: unknown; department?: unknown }> | unknown;
	contactAccuracyScore?: unknown;
	city?: unknown;
	state?: unknown;
	country?: unknown;
	externalUrls?: ZoomInfoLink[] | unknown;
	companyId?: unknown;
	companyName?: unknown;
	companyWebsite?: unknown;
	/** Search answers name the employer here ({id, name}) rather than in the flat company fields. */
	company?: { id?: unknown; name?: unknown } | unknown;
}

export interface ZoomInfoCompany {
	id?: unknown;
	name?: unknown;
	website?: unknown;
	phone?: unknown;
	/** Thousands of US dollars. */
	revenue?: unknown;
	employeeCount?: unknown;
	industries?: unknown;
	city?: unknown;
	state?: unknown;
	country?: unknown;
	socialMediaUrls?: ZoomInfoLink[] | unknown;
}

export interface ZoomInfoSearchAnswer<T> {
	maxResults?: unknown;
	totalResults?: unknown;
	currentPage?: unknown;
	data?: T[];
}

export interface ZoomInfoMatch<T> {
	input?: unknown;
	data?: T[];
	matchStatus?: unknown;
}

export interface ZoomInfoEnrichAnswer<T> {
	success?: unknown;
	data?: { outputFields?: unknown; result?: Array<ZoomInfoMatch<T>> };
}

export interface ZoomInfoUsageLine {
	limitType?: unknown;
	description?: unknown;
	limit?: unknown;
	currentUsage?: unknown;
	usageRemaining?: unknown;
}
