import type { IDataObject } from 'n8n-workflow';

import type { Address, Company, Person } from '../../normalize';
import { compact, normalizeDomain, normalizeEmail, personFields, text } from '../../normalize';
import { tagList } from './mapping';

/** What HighLevel knows of a contact that the normalized shapes have no field for. */
export interface GhlContactDetails {
	contactId?: string;
	locationId?: string;
	tags?: string[];
	/** The contact's postal address; `Person.location` holds its city, state and country. */
	address?: Address;
	/** HighLevel's one-line address, as its `full_address` merge field renders it. */
	fullAddress?: string;
}

export interface ContactSubjects {
	person?: Person;
	company?: Company;
	goHighLevel?: GhlContactDetails;
}

/** The first value that is text: an empty merge field renders as "", which means unknown, so the next is read. */
function firstText(...values: unknown[]): string | undefined {
	for (const value of values) {
		const found = text(value);
		if (found !== undefined) return found;
	}
	return undefined;
}

/**
 * The person and company a HighLevel contact describes, the reverse of `contactFromItem`. A
 * Marketplace contact event spells its fields in camelCase (`firstName`, `companyName`,
 * `postalCode`, `tags` as a list); a workflow's Custom Webhook body usually takes HighLevel's
 * snake_case merge fields (`contact_id`, `first_name`, `company_name`, `postal_code`, `tags` as
 * "a, b"). `personFields` reads both spellings, as every node reads items, so both map alike.
 * Values are normalized but not judged: a node that writes them names a bad one as this item holds it.
 */
export function subjectsFromContact(contact: IDataObject): ContactSubjects {
	const fields = personFields(contact);
	const phone = text(fields.phone?.value);
	const companyName = text(fields.companyName?.value);
	const domain = normalizeDomain(text(fields.domain?.value));
	const place = { city: text(contact.city), state: text(contact.state), country: text(contact.country) };
	// The standard webhook's `location` is the sub-account the contact belongs to.
	const subAccount = contact.location !== null && typeof contact.location === 'object' ? (contact.location as IDataObject) : {};
	return compact<ContactSubjects>({
		person: {
			firstName: text(fields.firstName?.value),
			lastName: text(fields.lastName?.value),
			fullName: text(fields.fullName?.value),
			email: normalizeEmail(fields.email?.value),
			title: text(fields.title?.value),
			// HighLevel does not say what kind of line a contact's phone is.
			phones: phone === undefined ? undefined : [{ number: phone }],
			linkedinUrl: text(fields.linkedinUrl?.value),
			location: place,
			companyName,
			companyDomain: domain,
		},
		company: { name: companyName, domain, website: text(contact.website) },
		goHighLevel: {
			contactId: firstText(contact.contact_id, contact.contactId, contact.id),
			locationId: firstText(contact.locationId, contact.location_id, subAccount.id),
			tags: tagList(contact.tags),
			address: { street: text(contact.address1), ...place, postalCode: firstText(contact.postalCode, contact.postal_code) },
			fullAddress: text(contact.full_address),
		},
	});
}
