import type { IDataObject } from 'n8n-workflow';

import type { Address, Company, Location, Person, Phone } from '../../normalize';
import { compact, normalizeDomain, normalizeEmail, pickPhone, text } from '../../normalize';
import { personFromItem } from '../../normalize';

/** A CRM contact's phone is the one HighLevel texts and calls: a mobile first. */
const PHONE_PREFERENCE: Array<Phone['type']> = ['mobile', 'direct', 'work', undefined, 'other'];

function objectAt<T>(json: IDataObject, key: string): Partial<T> {
	const value = json[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Partial<T>) : {};
}

function preferredPhone(phones: unknown): string | undefined {
	return pickPhone(phones, PHONE_PREFERENCE);
}

/** HighLevel links the website: a bare host would become a relative link. */
function absoluteUrl(website: string | undefined): string | undefined {
	if (website === undefined) return undefined;
	return /^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`;
}

/** Where the person is: their own location when a provider knows it, else their employer's address. */
function placeOf(person: Partial<Person>, company: Partial<Company>): Partial<Address> {
	const location: Partial<Location> = person.location ?? {};
	return location.city || location.state || location.country ? location : (company.address ?? {});
}

/**
 * A HighLevel contact from an item as the B2B nodes output it (`person`, `company`) or from flat
 * fields (`email`, `first_name`, `company_name`, `phone`, `website`...), with no mapping by hand.
 */
export function contactFromItem(json: IDataObject): IDataObject {
	const person = objectAt<Person>(json, 'person');
	const company = objectAt<Company>(json, 'company');
	const flat = personFromItem(json);
	const domain = normalizeDomain(flat.domain);
	const place = placeOf(person, company);
	return compact({
		firstName: text(flat.firstName),
		lastName: text(flat.lastName),
		name: text(flat.fullName),
		email: normalizeEmail(flat.email),
		phone: preferredPhone(person.phones) ?? text(json.phone ?? json.phone_number ?? json.mobile),
		companyName: text(flat.companyName),
		website: absoluteUrl(text(company.website ?? json.website) ?? domain),
		address1: text(place.street ?? json.address1),
		city: text(place.city ?? json.city),
		state: text(place.state ?? json.state),
		postalCode: text(place.postalCode ?? json.postalCode ?? json.postal_code),
		country: text(place.country ?? json.country),
	});
}

/** Tags as a list: an expression may give an array, a form field gives "a, b, c". */
export function tagList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return [...new Set(raw.map((tag) => String(tag).trim()).filter((tag) => tag !== ''))];
}

/**
 * HighLevel stores phones in E.164, and a search compares them as stored. Formatting is
 * dropped; a ten-digit number without a country code is taken as North American (+1), so other
 * numbers need their country code.
 */
export function e164(phone: string): string {
	const digits = phone.replace(/\D/g, '');
	if (phone.trim().startsWith('+')) return `+${digits}`;
	return digits.length === 10 ? `+1${digits}` : `+${digits}`;
}
