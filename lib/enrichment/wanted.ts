import { emailPolicy } from './merge';
import type { EmailPolicies, Merged } from './merge';

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

export interface StopRules extends EmailPolicies {
	wanted: WantedField[];
	/** Stop for an item as soon as it has a verified email, whatever else is missing. */
	stopAtVerifiedEmail: boolean;
}

function has(merged: Merged, field: WantedField, policies: EmailPolicies): boolean {
	const { person, company } = merged;
	switch (field) {
		case 'email':
			// An address kept under `continue`, or not yet checked under `verify`, is a fallback: the search goes on.
			return person.email !== undefined && emailPolicy(policies, person.emailStatus) === 'accept';
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
	return rules.wanted.filter((field) => !has(merged, field, rules));
}

export function isSatisfied(merged: Merged, rules: StopRules): boolean {
	if (rules.stopAtVerifiedEmail && merged.person.emailStatus === 'verified') return true;
	return missingFields(merged, rules).length === 0;
}
