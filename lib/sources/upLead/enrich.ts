import type { IDataObject } from 'n8n-workflow';

import type { ProviderRecord } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { CallOptions, CompanyLookup, LookupOutcome, PersonLookup } from '../contracts';
import { afterLostSends } from '../lost-sends';
import { upLeadAnswer } from './call';
import { companyRecord, fields, personRecord } from './map';
import type { UpLeadLookupAnswer } from './types';

/** First and last name, or the full name split at its first space (the rest is the last name). */
function nameOf(lookup: PersonLookup): [string, string] | undefined {
	if (lookup.firstName && lookup.lastName) return [lookup.firstName, lookup.lastName];
	const [first, ...rest] = (lookup.fullName ?? '').trim().split(/\s+/);
	return first && rest.length > 0 ? [first, rest.join(' ')] : undefined;
}

export function personQuery(lookup: PersonLookup): IDataObject | undefined {
	if (lookup.email) return { email: lookup.email };
	const name = nameOf(lookup);
	return name && lookup.domain ? { first_name: name[0], last_name: name[1], domain: lookup.domain } : undefined;
}

export function companyQuery(lookup: CompanyLookup): IDataObject | undefined {
	if (lookup.domain) return { domain: lookup.domain };
	return lookup.name ? { company: lookup.name } : undefined;
}

/**
 * UpLead charges a credit per record found and none for `data: null`. Its `credits_remaining` is
 * the account's balance, shared with every other run on the key, so the difference between two
 * answers is not this lookup's cost: a found record counts as the one credit UpLead prices it at.
 */
async function lookUp(
	ctx: TransportContext,
	path: string,
	qs: IDataObject,
	toRecord: (data: Record<string, unknown>) => ProviderRecord,
	options: CallOptions,
): Promise<LookupOutcome> {
	const { body, lostSends } = await upLeadAnswer<UpLeadLookupAnswer<unknown>>(
		ctx,
		{ method: 'GET', path, qs, paid: { credits: 1 } },
		options,
	);
	const data = fields(body.data);
	const outcome: LookupOutcome =
		Object.keys(data).length === 0 ? { status: 'noMatch', credits: 0 } : { status: 'matched', credits: 1, record: toRecord(data) };
	return afterLostSends(outcome, lostSends);
}

interface LookupKind<L> {
	path: string;
	toQuery(lookup: L): IDataObject | undefined;
	toRecord(data: Record<string, unknown>): ProviderRecord;
}

/** One call per lookup (UpLead has no batch endpoint), one after another. */
async function lookUpEach<L>(
	ctx: TransportContext,
	kind: LookupKind<L>,
	lookups: L[],
	options: CallOptions = {},
): Promise<LookupOutcome[]> {
	const outcomes: LookupOutcome[] = [];
	for (const lookup of lookups) {
		const query = kind.toQuery(lookup);
		outcomes.push(
			query === undefined
				? { status: 'error', credits: 0, error: { kind: 'invalidInput', message: 'UpLead cannot look this up: not enough to match on' } }
				: await lookUp(ctx, kind.path, query, kind.toRecord, options),
		);
	}
	return outcomes;
}

/**
 * `/person-search`, not `/combined-search`: both cost a credit and the person answer already nests
 * the employer, but combined search also charges when it finds only the email's company and no
 * person, and it cannot take a name and domain.
 */
const PEOPLE: LookupKind<PersonLookup> = { path: '/person-search', toQuery: personQuery, toRecord: personRecord };
const COMPANIES: LookupKind<CompanyLookup> = { path: '/company-search', toQuery: companyQuery, toRecord: companyRecord };

export async function enrichPeople(ctx: TransportContext, lookups: PersonLookup[], options?: CallOptions): Promise<LookupOutcome[]> {
	return await lookUpEach(ctx, PEOPLE, lookups, options);
}

export async function enrichCompanies(ctx: TransportContext, lookups: CompanyLookup[], options?: CallOptions): Promise<LookupOutcome[]> {
	return await lookUpEach(ctx, COMPANIES, lookups, options);
}

/** A credit per record found (lookUp), people and companies alike. */
export function maxLookupCredits(lookups: unknown[]): number {
	return lookups.length;
}

export function acceptsPerson(lookup: PersonLookup): boolean {
	return personQuery(lookup) !== undefined;
}

export function acceptsCompany(lookup: CompanyLookup): boolean {
	return companyQuery(lookup) !== undefined;
}
