import type { CatchAllPolicy, Merged } from './merge';

/** Fields a user can ask the waterfall for; it stops for an item once all are known. */
export const WANTED_FIELDS = {
	email: 'Email',
	phone: 'Phone',
	title: 'Job Title',
	seniority: 'Seniority',
	department: 'Department',
	linkedinUrl: 'LinkedIn URL',
	location: 'Location',
	companyDomain: 'Company Domain',
	companyDetails: 'Company Details (Industry, Size, Revenue)',
} as const;

export type WantedField = keyof typeof WANTED_FIELDS;

export interface StopRules {
	wanted: WantedField[];
	/** Stop for an item as soon as it has a verified email, whatever else is missing. */
	stopAtVerifiedEmail: boolean;
	catchAll: CatchAllPolicy;
}

function has(merged: Merged, field: WantedField, catchAll: CatchAllPolicy): boolean {
	const { person, company } = merged;
	switch (field) {
		case 'email':
			// Under `continue`, a catch-all address is kept but the search goes on for a verified one.
			return (
				person.email !== undefined && person.emailStatus !== 'invalid' && !(catchAll === 'continue' && person.emailStatus === 'catchAll')
			);
		case 'phone':
			return (person.phones?.length ?? 0) > 0;
		case 'location':
			return person.location !== undefined;
		case 'companyDomain':
			return (person.companyDomain ?? company.domain) !== undefined;
		case 'companyDetails':
			return company.industry !== undefined && (company.employeeCount !== undefined || company.employeeRange !== undefined);
		default:
			return person[field] !== undefined;
	}
}

export function missingFields(merged: Merged, rules: StopRules): WantedField[] {
	return rules.wanted.filter((field) => !has(merged, field, rules.catchAll));
}

export function isSatisfied(merged: Merged, rules: StopRules): boolean {
	if (rules.stopAtVerifiedEmail && merged.person.emailStatus === 'verified') return true;
	return missingFields(merged, rules).length === 0;
}
