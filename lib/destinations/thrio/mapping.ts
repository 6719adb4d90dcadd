import type { IDataObject } from 'n8n-workflow';

import type { Person, Phone } from '../../normalize';
import { compact, normalizeEmail, pickPhone, text } from '../../normalize';
import { personFromItem } from '../../normalize';

/** Agents dial leads: a direct line reaches the person, a switchboard number rarely does. */
const DIAL_PREFERENCE: Array<Phone['type']> = ['direct', 'mobile', 'work', undefined, 'other'];

function dialablePhone(phones: unknown): string | undefined {
	return pickPhone(phones, DIAL_PREFERENCE);
}

/**
 * The person an item describes, in the fields Thrio leads and contacts take: the B2B nodes'
 * normalized `person` (its phones included) or flat fields (`phone`, `first_name`, `email`...).
 */
export function personRecordFromItem(json: IDataObject): IDataObject {
	const person = (json.person !== null && typeof json.person === 'object' ? json.person : {}) as Partial<Person>;
	const flat = personFromItem(json);
	return compact({
		phone: dialablePhone(person.phones) ?? text(json.phone ?? json.phone_number ?? json.mobile),
		firstName: text(flat.firstName),
		lastName: text(flat.lastName),
		email: normalizeEmail(flat.email),
		company: text(flat.companyName),
	});
}
