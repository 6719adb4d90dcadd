import type { Company, EmailStatus, Person, ProviderName, ProviderRecord } from '../normalize';

/** Which provider supplied each field, as `email`, `title`, `company.industry`... (`input`: the item had it). */
export type Sources = Record<string, ProviderName | 'input'>;

export interface Merged {
	person: Person;
	company: Company;
	sources: Sources;
}

export type CatchAllPolicy = 'accept' | 'continue' | 'reject';
export type GuessedPolicy = 'accept' | 'continue' | 'verify';
export type EmailPolicy = CatchAllPolicy | GuessedPolicy;

/**
 * What to do with an email that may bounce: a catch-all one (the domain takes every address, so
 * none can be checked) and a guessed one (built from the company's pattern, never checked).
 * `continue` keeps it as a fallback while later providers are asked for a verified one; `verify`
 * has it checked with the verifier first.
 */
export interface EmailPolicies {
	catchAll: CatchAllPolicy;
	guessed: GuessedPolicy;
}

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
 * The policy for an email of this status, wherever it is judged: when a provider offers it, when
 * the waterfall decides whether to go on, and when the verifier has said what it is.
 * An invalid address is never taken; one of any other status is taken as it is.
 */
export function emailPolicy(policies: EmailPolicies, status: EmailStatus | undefined): EmailPolicy {
	if (status === 'invalid') return 'reject';
	if (status === 'catchAll') return policies.catchAll;
	if (status === 'guessed') return policies.guessed;
	return 'accept';
}

/**
 * Whether an incoming email should take the place of the one held. First found wins, except
 * that a better status replaces a worse one, so a verified address from a later provider beats
 * a guessed or catch-all one (that is why the waterfall goes on under the `continue` policy).
 */
function takesEmail(current: Person, incoming: Person, policies: EmailPolicies): boolean {
	if (!incoming.email || emailPolicy(policies, incoming.emailStatus) === 'reject') return false;
	if (!current.email) return true;
	return EMAIL_RANK[incoming.emailStatus ?? 'unknown'] > EMAIL_RANK[current.emailStatus ?? 'unknown'];
}

/** Folds one provider's record into what is known, never overwriting a field already supplied. */
export function mergeRecord(merged: Merged, record: ProviderRecord, provider: ProviderName, policies: EmailPolicies): void {
	const incoming = record.person;
	if (incoming && takesEmail(merged.person, incoming, policies)) {
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

/** Forgets a rejected email, so that a later provider's is taken in its place. */
export function dropEmail(merged: Merged): void {
	for (const field of EMAIL_FIELDS) {
		delete merged.person[field as keyof Person];
		delete merged.sources[field];
	}
}

/** What is known before any provider is asked: the item's own fields, credited to `input`. */
export function seededMerged(person: Person, company: Company): Merged {
	const sources: Sources = {};
	for (const field of Object.keys(person)) if (field !== 'ids') sources[field] = 'input';
	for (const field of Object.keys(company)) if (field !== 'ids') sources[`company.${field}`] = 'input';
	return { person, company, sources };
}
