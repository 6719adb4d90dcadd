import type { KeyedMemory } from '../memory/keyed-memory';
import { dateOfDay } from '../memory/keyed-memory';
import { PROVIDERS } from '../normalize';
import type { ProviderName } from '../normalize';
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
 * Remembers a person that some provider answered about (found or not: either answer was paid for or
 * counted) under three identities at most, to bound the storage: the input's strongest (its email,
 * LinkedIn URL or provider id), its name with company, and the email found. A later input is
 * recognised by any of them.
 */
export function rememberPerson(memory: LookupMemory, subject: Subject<PersonLookup>): void {
	const answered = subject.attempts.filter((attempt) => attempt.status === 'matched' || attempt.status === 'noMatch');
	if (answered.length === 0) return;
	const flags = answered.reduce((bits, attempt) => bits | (1 << PROVIDERS.indexOf(attempt.provider)), 0);
	const given = personKeys(subject.lookup);
	const keys = new Set([given[0], ...given.filter((key) => key.startsWith('name:'))]);
	if (subject.merged.person.email) keys.add(`email:${subject.merged.person.email}`);
	memory.memory.record([...keys], memory.today, flags);
}
