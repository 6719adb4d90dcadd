import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { compact, isValidDomain, normalizeDomain, normalizeEmail, normalizeName, text } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { CompanyEnricher, CompanyLookup, LookupOptions, LookupOutcome, PersonEnricher, PersonLookup } from '../contracts';
import { afterLostSends } from '../lost-sends';
import { apolloAnswer } from './call';
import { companyRecord, personRecord } from './map';
import type { ApolloBulkMatchResponse, ApolloMatchResponse, ApolloOrganizationResponse, ApolloPerson } from './types';

const BULK_SIZE = 10;
/** What Apollo adds to a match for revealing a mobile phone number (People Enrichment: 1 credit, 8 more for a phone). */
const PHONE_REVEAL_CREDITS = 8;

export interface ApolloLookupOptions extends LookupOptions {
	/** Where Apollo posts revealed phone numbers; it refuses `revealPhone` without one. */
	phoneWebhookUrl?: string;
}

const NO_MATCH: LookupOutcome = { status: 'noMatch', credits: 0 };
const NOT_ACCEPTED: LookupOutcome = {
	status: 'error',
	credits: 0,
	error: { kind: 'invalidInput', message: 'Apollo needs an email, a LinkedIn URL, an Apollo id, or a name with a domain or company name' },
};

function hasName(lookup: PersonLookup): boolean {
	return (text(lookup.firstName) !== undefined && text(lookup.lastName) !== undefined) || text(lookup.fullName) !== undefined;
}

function acceptsPerson(lookup: PersonLookup): boolean {
	if (normalizeEmail(lookup.email) || text(lookup.linkedinUrl) || text(lookup.ids?.apollo)) return true;
	return hasName(lookup) && (normalizeDomain(lookup.domain) !== undefined || text(lookup.companyName) !== undefined);
}

/** Every identifier the lookup has: Apollo matches better with more of them. */
function matchDetail(lookup: PersonLookup): IDataObject {
	const firstName = text(lookup.firstName);
	const lastName = text(lookup.lastName);
	return compact({
		id: text(lookup.ids?.apollo),
		email: normalizeEmail(lookup.email),
		linkedin_url: text(lookup.linkedinUrl),
		first_name: firstName,
		last_name: lastName,
		name: firstName && lastName ? undefined : text(lookup.fullName),
		domain: normalizeDomain(lookup.domain),
		organization_name: text(lookup.companyName),
	});
}

function revealParams(ctx: TransportContext, options: ApolloLookupOptions): IDataObject {
	if (options.revealPhone && text(options.phoneWebhookUrl) === undefined) {
		// Apollo would refuse the whole batch with a 400; failing here names the missing setting instead.
		throw new NodeOperationError(ctx.getNode(), 'Apollo delivers revealed phone numbers to a webhook, and none was given', {
			description: 'Turn off phone reveal, or provide the webhook URL Apollo should post the numbers to.',
		});
	}
	return compact({
		reveal_personal_emails: options.revealPersonalEmails || undefined,
		reveal_phone_number: options.revealPhone || undefined,
		webhook_url: options.revealPhone ? text(options.phoneWebhookUrl) : undefined,
	});
}

const same = (a: unknown, b: unknown, norm: (value: unknown) => string | undefined = normalizeName) => {
	const [x, y] = [norm(a), norm(b)];
	return x !== undefined && x === y;
};

const linkedin = (value: unknown) =>
	text(value)
		?.toLowerCase()
		.replace(/^https?:\/\/(www\.)?/, '')
		.replace(/\/+$/, '');

/** Whether `person` is Apollo's answer to `detail`. */
function answers(detail: IDataObject, person: ApolloPerson): boolean {
	if (detail.id !== undefined) return same(detail.id, person.id, text);
	if (detail.email !== undefined) return same(detail.email, person.email, normalizeEmail);
	if (detail.linkedin_url !== undefined) return same(detail.linkedin_url, person.linkedin_url, linkedin);
	const name = same(detail.first_name, person.first_name) && same(detail.last_name, person.last_name);
	return (
		(name || same(detail.name, person.name)) &&
		(same(detail.domain, person.organization?.primary_domain, normalizeDomain) || same(detail.organization_name, person.organization?.name))
	);
}

/**
 * Apollo answers `matches[i]` for `details[i]`, null when not found. The reference does not promise
 * one entry per detail, so when the counts differ each match is paired by its identifiers instead:
 * attaching a person to the wrong lookup would be worse than reporting no match.
 */
function alignMatches(details: IDataObject[], matches: Array<ApolloPerson | null>): Array<ApolloPerson | null> {
	if (matches.length === details.length) return matches;
	const pool = matches.filter((match): match is ApolloPerson => match !== null && typeof match === 'object');
	return details.map((detail) => {
		const index = pool.findIndex((person) => answers(detail, person));
		return index < 0 ? null : pool.splice(index, 1)[0];
	});
}

/**
 * Apollo reports the credits of a whole call, not per person. A match costs 1; a phone reveal
 * costs more for whichever people Apollo finds a number for, which it tells only later, on the
 * webhook. So each match counts 1, and when phones were asked the surplus is spread over the
 * matches so that the batch adds up to what Apollo charged.
 */
function creditsPerMatch(matched: number, consumed: number | undefined, revealPhone: boolean): number[] {
	const surplus = revealPhone && consumed !== undefined ? Math.max(0, consumed - matched) : 0;
	return Array.from({ length: matched }, (_, index) => 1 + Math.floor(surplus / matched) + (index < surplus % matched ? 1 : 0));
}

async function matchBatch(ctx: TransportContext, lookups: PersonLookup[], options: ApolloLookupOptions): Promise<LookupOutcome[]> {
	const details = lookups.map(matchDetail);
	const reveal = revealParams(ctx, options);
	// Apollo has no idempotency key: every send it carries out is charged.
	const paid = { credits: apolloPersonEnricher.maxCredits(lookups, options) };
	let matches: Array<ApolloPerson | null>;
	let consumed: number | undefined;
	let lostSends: number;
	if (details.length === 1) {
		// A lone lookup uses the single-record endpoint, which Apollo rates ten times higher than bulk.
		const answer = await apolloAnswer<ApolloMatchResponse>(
			ctx,
			{ method: 'POST', path: '/people/match', body: { ...details[0], ...reveal }, idempotent: true, paid },
			options,
		);
		matches = [answer.body.person ?? null];
		lostSends = answer.lostSends;
	} else {
		const answer = await apolloAnswer<ApolloBulkMatchResponse>(
			ctx,
			{ method: 'POST', path: '/people/bulk_match', body: { details, ...reveal }, idempotent: true, bucket: 'bulk', paid },
			options,
		);
		matches = alignMatches(details, Array.isArray(answer.body.matches) ? answer.body.matches : []);
		consumed = typeof answer.body.credits_consumed === 'number' ? answer.body.credits_consumed : undefined;
		lostSends = answer.lostSends;
	}
	const credits = creditsPerMatch(matches.filter(Boolean).length, consumed, options.revealPhone === true);
	return matches.map((match) =>
		afterLostSends(match ? { status: 'matched', record: personRecord(match), credits: credits.shift() ?? 1 } : NO_MATCH, lostSends),
	);
}

export const apolloPersonEnricher: PersonEnricher = {
	provider: 'apollo',
	batchSize: BULK_SIZE,
	accepts: acceptsPerson,
	maxCredits: (lookups, options) => lookups.length * (1 + (options.revealPhone ? PHONE_REVEAL_CREDITS : 0)),
	async enrichPeople(ctx, lookups, options: ApolloLookupOptions = {}) {
		const outcomes: LookupOutcome[] = lookups.map(() => NOT_ACCEPTED);
		const accepted = lookups.flatMap((lookup, index) => (acceptsPerson(lookup) ? [index] : []));
		// Callers batch by batchSize already; slicing again keeps a larger list from being refused whole.
		for (let start = 0; start < accepted.length; start += BULK_SIZE) {
			const indices = accepted.slice(start, start + BULK_SIZE);
			const results = await matchBatch(
				ctx,
				indices.map((index) => lookups[index]),
				options,
			);
			indices.forEach((index, position) => (outcomes[index] = results[position]));
		}
		return outcomes;
	},
};

const lookupDomain = (lookup: CompanyLookup) => {
	const domain = normalizeDomain(lookup.domain);
	return domain !== undefined && isValidDomain(domain) ? domain : undefined;
};

export const apolloCompanyEnricher: CompanyEnricher = {
	provider: 'apollo',
	batchSize: 1,
	accepts: (lookup) => lookupDomain(lookup) !== undefined,
	maxCredits: (lookups) => lookups.length,
	async enrichCompanies(ctx, lookups, options) {
		const outcomes: LookupOutcome[] = [];
		for (const lookup of lookups) {
			const domain = lookupDomain(lookup);
			if (domain === undefined) {
				outcomes.push({ ...NOT_ACCEPTED, error: { kind: 'invalidInput', message: 'Apollo enriches a company by its domain' } });
				continue;
			}
			const { body, lostSends } = await apolloAnswer<ApolloOrganizationResponse>(
				ctx,
				{ method: 'GET', path: '/organizations/enrich', qs: { domain }, paid: { credits: 1 } },
				options,
			);
			const record = body.organization ? companyRecord(body.organization) : undefined;
			// One credit, as Apollo bills enrichments; the reference gives no separate figure for organizations.
			const outcome: LookupOutcome =
				record?.company && Object.keys(record.company).length > 0 ? { status: 'matched', record, credits: 1 } : NO_MATCH;
			outcomes.push(afterLostSends(outcome, lostSends));
		}
		return outcomes;
	},
};
