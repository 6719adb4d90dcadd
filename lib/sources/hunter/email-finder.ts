import { compact, isValidDomain, normalizeDomain, text } from '../../normalize';
import type { ProviderResponse, TransportContext } from '../../transport';
import type { CallOptions, LookupOutcome, PersonEnricher, PersonLookup } from '../contracts';
import { afterLostSends } from '../lost-sends';
import { hunterGet } from './call';
import { hunterPersonRecord } from './map';
import { hunterProfile } from './profile';
import type { HunterEmail, HunterEnvelope } from './types';

interface FinderQuery {
	domain?: string;
	company?: string;
	first_name?: string;
	last_name?: string;
	full_name?: string;
}

function finderQuery(lookup: PersonLookup): FinderQuery | undefined {
	const domain = normalizeDomain(lookup.domain);
	const company = text(lookup.companyName);
	const firstName = text(lookup.firstName);
	const lastName = text(lookup.lastName);
	const fullName = text(lookup.fullName);
	const where = domain !== undefined && isValidDomain(domain) ? { domain } : company !== undefined ? { company } : undefined;
	const who =
		firstName && lastName ? { first_name: firstName, last_name: lastName } : fullName?.includes(' ') ? { full_name: fullName } : undefined;
	return where && who ? { ...where, ...who } : undefined;
}

const invalid = (message: string): LookupOutcome => ({ status: 'error', credits: 0, error: { kind: 'invalidInput', message } });

async function findEmail(ctx: TransportContext, lookup: PersonLookup, options: CallOptions): Promise<LookupOutcome> {
	const qs = finderQuery(lookup);
	if (qs === undefined)
		return invalid("Hunter's email finder needs a first and last name (or a full name) and a domain (or a company name)");
	// A 400 (wrong_params) is about this lookup's values, not the call: it is reported on the record.
	const response = await hunterGet<HunterEmail>(
		ctx,
		{ path: '/email-finder', qs: { ...qs }, acceptStatuses: [400], paid: { credits: 1 } },
		options,
	);
	return afterLostSends(finderOutcome(response, qs), response.lostSends);
}

function finderOutcome({ status, body }: ProviderResponse<HunterEnvelope<HunterEmail>>, qs: FinderQuery): LookupOutcome {
	if (status === 400) return invalid(`Hunter: ${hunterProfile.errorMessage(body) ?? 'the lookup was refused'} (HTTP 400)`);
	const data = body.data ?? {};
	// Hunter charges a search only when it returns an email.
	if (text(data.email) === undefined) return { status: 'noMatch', credits: 0 };
	const company = compact({ name: text(data.company), domain: normalizeDomain(data.domain) ?? qs.domain });
	return { status: 'matched', record: hunterPersonRecord(data, company), credits: 1 };
}

/** Hunter's email finder: one person per call, by name at a domain or company. */
export const hunterPersonEnricher: PersonEnricher = {
	provider: 'hunter',
	batchSize: 1,
	accepts: (lookup) => finderQuery(lookup) !== undefined,
	// One search per email found; a miss is free.
	maxCredits: (lookups) => lookups.length,
	async enrichPeople(ctx, lookups, options = {}) {
		const outcomes: LookupOutcome[] = [];
		for (const lookup of lookups) outcomes.push(await findEmail(ctx, lookup, options));
		return outcomes;
	},
};
