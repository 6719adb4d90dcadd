import { compact, normalizeDomain, normalizeEmail, num, text } from '../../normalize';
import type { Company, Person, Phone, ProviderRecord } from '../../normalize';
import type { ZoomInfoCompany, ZoomInfoContact } from './types';

type Fields = Record<string, unknown>;

/** Whatever ZoomInfo sent, read as an object. */
export function fields(value: unknown): Fields {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

/** ZoomInfo sends some single values as one-element lists (managementLevel, industries, jobFunction). */
function firstOf(value: unknown): unknown {
	return Array.isArray(value) ? value[0] : value;
}

/** A list entry that is either a name or an object with a `name`. */
function nameOf(value: unknown): string | undefined {
	return text(value) ?? text(fields(value).name);
}

/** Links arrive as `[{type: 'linkedin.com', url}]`. */
function linkOf(links: unknown, type: string): string | undefined {
	if (!Array.isArray(links)) return undefined;
	return text(links.map(fields).find((link) => text(link.type)?.toLowerCase().includes(type))?.url);
}

function phone(value: unknown, type: Phone['type']): Phone[] {
	const number = text(value);
	return number === undefined ? [] : [{ number, type }];
}

function contactEmail(contact: ZoomInfoContact): Pick<Person, 'email' | 'emailStatus' | 'emailConfidence'> {
	const email = normalizeEmail(contact.email);
	if (email === undefined) return {};
	// ZoomInfo never says whether an address was verified; its accuracy score (70-99) rates the
	// whole contact, email included, and is the only confidence figure it gives.
	return { email, emailStatus: 'unknown', emailConfidence: num(contact.contactAccuracyScore) };
}

function contactPerson(contact: ZoomInfoContact): Person {
	const firstName = text(contact.firstName);
	const lastName = text(contact.lastName);
	const jobFunction = fields(firstOf(contact.jobFunction));
	return compact<Person>({
		firstName,
		lastName,
		fullName: text([firstName, lastName].filter(Boolean).join(' ')),
		...contactEmail(contact),
		title: text(contact.jobTitle),
		seniority: nameOf(firstOf(contact.managementLevel)),
		// `department` is the broad one ("Sales"); `name` the function within it ("Sales Operations").
		department: text(jobFunction.department) ?? text(jobFunction.name),
		phones: [...phone(contact.phone, 'direct'), ...phone(contact.mobilePhone, 'mobile')],
		linkedinUrl: linkOf(contact.externalUrls, 'linkedin'),
		location: { city: text(contact.city), state: text(contact.state), country: text(contact.country) },
		companyName: text(contact.companyName) ?? text(fields(contact.company).name),
		companyDomain: normalizeDomain(contact.companyWebsite),
		ids: { zoomInfo: text(contact.id) },
	});
}

/** The employer as a contact record names it: enough to match or sync, not the full firmographics. */
function contactEmployer(contact: ZoomInfoContact): Company {
	const nested = fields(contact.company);
	return compact<Company>({
		name: text(contact.companyName) ?? text(nested.name),
		domain: normalizeDomain(contact.companyWebsite),
		website: text(contact.companyWebsite),
		ids: { zoomInfo: text(contact.companyId) ?? text(nested.id) },
	});
}

function companyOf(company: ZoomInfoCompany): Company {
	const revenueThousands = num(company.revenue);
	return compact<Company>({
		name: text(company.name),
		domain: normalizeDomain(company.website),
		website: text(company.website),
		industry: nameOf(firstOf(company.industries)),
		employeeCount: num(company.employeeCount),
		revenue: revenueThousands === undefined ? undefined : revenueThousands * 1000,
		phone: text(company.phone),
		address: { city: text(company.city), state: text(company.state), country: text(company.country) },
		linkedinUrl: linkOf(company.socialMediaUrls, 'linkedin'),
		ids: { zoomInfo: text(company.id) },
	});
}

export function contactRecord(contact: ZoomInfoContact): ProviderRecord {
	const record: ProviderRecord = { person: contactPerson(contact), raw: contact };
	const employer = contactEmployer(contact);
	if (Object.keys(employer).length > 0) record.company = employer;
	return record;
}

export function companyRecord(company: ZoomInfoCompany): ProviderRecord {
	return { company: companyOf(company), raw: company };
}
