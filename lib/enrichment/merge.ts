import type { Company, EmailStatus, Person, ProviderName, ProviderRecord } from '../normalize';

/** Which provider supplied each field, as `email`, `title`, `company.industry`... (`input`: the item had it). */
export type Sources = Record<string, ProviderName | 'input'>;

export interface Merged {
	person: Person;
	company: Company;
	sources: Sources;
}

export type CatchAllPolicy = 'accept' | 'continue' | 'reject';

const EMAIL_FIELDS = new Set(['email', 'emailStatus', 'emailConfidence']);

/** Email statuses from worst to best: a later provider's email replaces a worse one. */
const EMAIL_RANK: Record<EmailStatus, number> = { invalid: 0, disposable: 1, unknown: 2, webmail: 3, catchAll: 4, guessed: 5, verified: 6 };

function fillMissing(
	target: Record<string, unknown>,
	incoming: object | undefined,
	provider: ProviderName,
	sources: Sources,
	prefix: string,
	skip: Set<string>,
): void {
	if (incoming === undefined) return;
	for (const [field, value] of Object.entries(incoming)) {
		if (skip.has(field) || value === undefined) continue;
		if (field === 'ids') {
			// Every provider's id is kept: later syncs and lookups can use any of them.
			target.ids = { ...(value as object), ...((target.ids as object | undefined) ?? {}) };
			continue;
		}
		if (target[field] === undefined) {
			target[field] = value;
			sources[`${prefix}${field}`] = provider;
		}
	}
}

/**
 * Whether an incoming email should take the place of the one held. First found wins, except
 * that a better status replaces a worse one, so a verified address from a later provider beats
 * a guessed or catch-all one (that is why the waterfall goes on under the `continue` policy).
 */
function takesEmail(current: Person, incoming: Person, policy: CatchAllPolicy): boolean {
	if (!incoming.email) return false;
	if (incoming.emailStatus === 'catchAll' && policy === 'reject') return false;
	if (incoming.emailStatus === 'invalid') return false;
	if (!current.email) return true;
	return EMAIL_RANK[incoming.emailStatus ?? 'unknown'] > EMAIL_RANK[current.emailStatus ?? 'unknown'];
}

/** Folds one provider's record into what is known, never overwriting a field already supplied. */
export function mergeRecord(merged: Merged, record: ProviderRecord, provider: ProviderName, policy: CatchAllPolicy): void {
	const incoming = record.person;
	if (incoming && takesEmail(merged.person, incoming, policy)) {
		merged.person.email = incoming.email;
		merged.person.emailStatus = incoming.emailStatus;
		merged.person.emailConfidence = incoming.emailConfidence;
		for (const field of EMAIL_FIELDS) {
			if (merged.person[field as keyof Person] !== undefined) merged.sources[field] = provider;
			else delete merged.sources[field];
		}
	}
	fillMissing(merged.person as Record<string, unknown>, incoming, provider, merged.sources, '', EMAIL_FIELDS);
	fillMissing(merged.company as Record<string, unknown>, record.company, provider, merged.sources, 'company.', new Set());
}

/** What is known before any provider is asked: the item's own fields, credited to `input`. */
export function seededMerged(person: Person, company: Company): Merged {
	const sources: Sources = {};
	for (const field of Object.keys(person)) if (field !== 'ids') sources[field] = 'input';
	for (const field of Object.keys(company)) if (field !== 'ids') sources[`company.${field}`] = 'input';
	return { person, company, sources };
}
