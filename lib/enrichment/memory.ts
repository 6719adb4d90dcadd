import type { KeyedMemory } from '../memory/keyed-memory';
import { dateOfDay } from '../memory/keyed-memory';
import { PROVIDERS } from '../normalize';
import type { Person, ProviderName } from '../normalize';
import type { PersonLookup } from '../sources/contracts';
import { personKeys } from './lookups';
import type { Subject } from './waterfall';

/** Paid lookups remembered across runs: a person asked about within `days` is not asked again. */
export interface LookupMemory {
	memory: KeyedMemory;
	/** How many days (today included) a person stays known. */
	days: number;
	today: number;
}

/** Why a person cost nothing this run: who was asked about them, and when. */
export interface KnownLookup {
	enrichedOn: string;
	providers: ProviderName[];
}

export function recallPerson(memory: LookupMemory, lookup: PersonLookup): KnownLookup | undefined {
	const recalled = memory.memory.recall(personKeys(lookup), memory.today - memory.days + 1);
	if (recalled === undefined) return undefined;
	return { enrichedOn: dateOfDay(recalled.day), providers: PROVIDERS.filter((_, index) => (recalled.flags & (1 << index)) !== 0) };
}

/**
 * The identities a person is remembered by, at most three to bound the storage: the lookup's
 * strongest (its email, LinkedIn URL or provider id) and its name with company. A later input is
 * recognised by any of them (`personKeys` of it).
 */
function identitiesToRemember(lookup: PersonLookup): string[] {
	const keys = personKeys(lookup);
	return [...new Set([keys[0], ...keys.filter((key) => key.startsWith('name:'))])];
}

/**
 * Remembers a person that some provider answered about (found or not: either answer was paid for or
 * counted), with the email found for them besides. One whose paid answer was lost and never came is
 * not remembered: what was paid for never arrived, so the next run asks again.
 */
export function rememberPerson(memory: LookupMemory, subject: Subject<PersonLookup>): void {
	if (subject.attempts.some((attempt) => attempt.status === 'error' && attempt.lost !== undefined)) return;
	const answered = subject.attempts.filter((attempt) => attempt.status === 'matched' || attempt.status === 'noMatch');
	if (answered.length === 0) return;
	const flags = answered.reduce((bits, attempt) => bits | (1 << PROVIDERS.indexOf(attempt.provider)), 0);
	const keys = identitiesToRemember(subject.lookup);
	if (subject.merged.person.email) keys.push(`email:${subject.merged.person.email}`);
	memory.memory.record([...new Set(keys)], memory.today, flags);
}

const lookupOfPerson = (person: Person): PersonLookup => ({
	email: person.email,
	firstName: person.firstName,
	lastName: person.lastName,
	fullName: person.fullName,
	domain: person.companyDomain,
	companyName: person.companyName,
	linkedinUrl: person.linkedinUrl,
	ids: person.ids,
});

/** Whether no earlier search (remembered with `rememberReturned`) returned the person. */
export const isNewPerson = (memory: KeyedMemory, person: Person): boolean =>
	memory.recall(personKeys(lookupOfPerson(person))) === undefined;

export function rememberReturned(memory: KeyedMemory, person: Person, today: number): void {
	memory.record(identitiesToRemember(lookupOfPerson(person)), today);
}
