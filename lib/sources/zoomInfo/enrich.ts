import type { IDataObject } from 'n8n-workflow';

import { compact, text } from '../../normalize';
import type { ProviderRecord } from '../../normalize';
import { isProviderApiError } from '../../transport';
import type { LostSends, TransportContext } from '../../transport';
import { chunk } from '../../util/map-limit';
import type { CallOptions, CompanyLookup, LookupOutcome, PersonLookup } from '../contracts';
import { afterLostSends } from '../lost-sends';
import { zoomInfoAnswer } from './call';
import { companyRecord, contactRecord, fields } from './map';
import type { ZoomInfoEnrichAnswer } from './types';

/** Inputs ZoomInfo takes per enrich call. */
export const ENRICH_BATCH = 25;

/** Everything contactPerson and its employer read; ZoomInfo refuses the call if any name is unknown. */
export const CONTACT_OUTPUT_FIELDS = [
	'id',
	'firstName',
	'lastName',
	'email',
	'phone',
	'mobilePhone',
	'jobTitle',
	'managementLevel',
	'jobFunction',
	'contactAccuracyScore',
	'city',
	'state',
	'country',
	'externalUrls',
	'companyId',
	'companyName',
	'companyWebsite',
];
export const COMPANY_OUTPUT_FIELDS = [
	'id',
	'name',
	'website',
	'phone',
	'revenue',
	'employeeCount',
	'industries',
	'city',
	'state',
	'country',
	'socialMediaUrls',
];

/**
 * The match inputs Enrich Contact documents: a ZoomInfo person id; or an email; or a LinkedIn URL
 * (externalURL); or a first and last name (or a full name) with a company id or company name. A
 * company website is not among them: a lead known only by its domain needs its company id first
 * (see companyIdsFor). Every identifier known is sent, since ZoomInfo matches on the combination.
 */
export function personMatchInput(lookup: PersonLookup, companyId?: string): IDataObject | undefined {
	const personId = text(lookup.ids?.zoomInfo);
	if (personId !== undefined) return { personId };
	const name =
		lookup.firstName && lookup.lastName
			? { firstName: lookup.firstName, lastName: lookup.lastName }
			: compact({ fullName: lookup.fullName });
	const company = companyId !== undefined ? { companyId } : compact({ companyName: lookup.companyName });
	const named = Object.keys(name).length > 0 && Object.keys(company).length > 0;
	if (!lookup.email && !lookup.linkedinUrl && !named) return undefined;
	return compact<IDataObject>({ emailAddress: lookup.email, externalURL: lookup.linkedinUrl, ...(named ? { ...name, ...company } : {}) });
}

/** A lead ZoomInfo can match only once its company is known: a name and a domain, nothing stronger. */
export function needsCompanyId(lookup: PersonLookup): boolean {
	return (
		personMatchInput(lookup) === undefined &&
		lookup.domain !== undefined &&
		(lookup.firstName && lookup.lastName ? true : !!lookup.fullName)
	);
}

/**
 * Credits are records: one per contact, and one per company resolved first, once per domain
 * (companiesFor). A lookup it cannot take as it is reaches ZoomInfo only once an earlier provider
 * has filled it in, maybe with just a name and a domain, so it may need a company of its own.
 */
export function maxContactCredits(lookups: PersonLookup[]): number {
	const domains = new Set(lookups.filter(needsCompanyId).map((lookup) => lookup.domain));
	const unmatchable = lookups.filter((lookup) => personMatchInput(lookup) === undefined && !needsCompanyId(lookup)).length;
	return lookups.length + domains.size + unmatchable;
}

export function companyMatchInput(lookup: CompanyLookup): IDataObject | undefined {
	const companyId = text(lookup.ids?.zoomInfo);
	if (companyId !== undefined) return { companyId };
	const input = compact<IDataObject>({ companyWebsite: lookup.domain, companyName: lookup.name });
	return Object.keys(input).length > 0 ? input : undefined;
}

/**
 * Credits are records: ZoomInfo counts one per record returned, none for a miss. A status not
 * named here is judged by its data, since a record returned is a record counted.
 */
export function outcomeOf(result: unknown, toRecord: (entry: Record<string, unknown>) => ProviderRecord): LookupOutcome {
	const { matchStatus, data } = fields(result);
	const status = text(matchStatus)?.toUpperCase();
	if (status === 'LIMIT_EXCEEDED') {
		return {
			status: 'error',
			credits: 0,
			error: { kind: 'quotaExhausted', message: "ZoomInfo: the plan's record limit is used up (LIMIT_EXCEEDED)" },
		};
	}
	// An opted-out person must not be output, whatever data came with the answer.
	if (status === 'NO_MATCH' || status === 'OPT_OUT' || !Array.isArray(data) || data.length === 0) return { status: 'noMatch', credits: 0 };
	return { status: 'matched', credits: 1, record: toRecord(fields(data[0])) };
}

function echoes(echo: unknown, sent: IDataObject): boolean {
	const echoed = fields(echo);
	return Object.entries(sent).every(([key, value]) => String(echoed[key] ?? '').toLowerCase() === String(value).toLowerCase());
}

/**
 * ZoomInfo answers in input order and echoes each input. An echo naming another input means the
 * order cannot be trusted, so the answer echoing this input is looked for; without any, order decides.
 */
function resultFor(results: unknown[], sent: IDataObject, index: number): unknown {
	const positional = results[index];
	const echo = fields(positional).input;
	if (positional !== undefined && (echo === undefined || echoes(echo, sent))) return positional;
	return results.find((result) => echoes(fields(result).input, sent)) ?? positional;
}

interface EnrichKind<L> {
	path: string;
	inputName: 'matchPersonInput' | 'matchCompanyInput';
	outputFields: string[];
	toInput(lookup: L): IDataObject | undefined;
	toRecord(entry: Record<string, unknown>): ProviderRecord;
}

function failed(kind: 'failed' | 'invalidInput', message: string): LookupOutcome {
	return { status: 'error', credits: 0, error: { kind, message } };
}

async function enrichBatch<L>(
	ctx: TransportContext,
	kind: EnrichKind<L>,
	inputs: IDataObject[],
	options: CallOptions,
): Promise<LookupOutcome[]> {
	const body = { [kind.inputName]: inputs, outputFields: kind.outputFields };
	const { body: answer, lostSends } = await zoomInfoAnswer<ZoomInfoEnrichAnswer<unknown>>(
		ctx,
		// At most a record per input, each send: ZoomInfo counts every record it returns.
		{ method: 'POST', path: kind.path, body, idempotent: true, paid: { credits: inputs.length } },
		options,
	);
	const results = Array.isArray(answer.data?.result) ? answer.data.result : [];
	return inputs.map((input, index) => {
		const result = resultFor(results, input, index);
		return afterLostSends(
			result === undefined ? failed('failed', 'ZoomInfo returned no result for this record') : outcomeOf(result, kind.toRecord),
			lostSends,
		);
	});
}

/** Batches run one after another, so the record limit runs out at a predictable place. */
async function enrich<L>(ctx: TransportContext, kind: EnrichKind<L>, lookups: L[], options: CallOptions = {}): Promise<LookupOutcome[]> {
	const outcomes = new Array<LookupOutcome>(lookups.length);
	const sendable: Array<{ index: number; input: IDataObject }> = [];
	lookups.forEach((lookup, index) => {
		const input = kind.toInput(lookup);
		if (input === undefined) outcomes[index] = failed('invalidInput', 'ZoomInfo cannot look this up: not enough to match on');
		else sendable.push({ index, input });
	});
	for (const batch of chunk(sendable, ENRICH_BATCH)) {
		const answered = await enrichBatch(
			ctx,
			kind,
			batch.map((entry) => entry.input),
			options,
		);
		batch.forEach((entry, position) => (outcomes[entry.index] = answered[position]));
	}
	return outcomes;
}

const CONTACTS: EnrichKind<PersonLookup> = {
	path: '/enrich/contact',
	inputName: 'matchPersonInput',
	outputFields: CONTACT_OUTPUT_FIELDS,
	toInput: personMatchInput,
	toRecord: contactRecord,
};

const COMPANIES: EnrichKind<CompanyLookup> = {
	path: '/enrich/company',
	inputName: 'matchCompanyInput',
	outputFields: COMPANY_OUTPUT_FIELDS,
	toInput: companyMatchInput,
	toRecord: companyRecord,
};

/** Company lookups by domain, per execution: a domain is looked up at most once per run. */
const companiesByRun = new WeakMap<object, Map<string, Promise<LookupOutcome>>>();

/**
 * Each domain's company, from Enrich Company (which does take a website), in batches, each domain
 * once per run. Credits are counted by the call that paid for them; a lookup another batch made
 * shows none.
 */
async function companiesFor(ctx: TransportContext, domains: string[], options: CallOptions): Promise<Map<string, LookupOutcome>> {
	let known = companiesByRun.get(ctx);
	if (known === undefined) {
		known = new Map();
		companiesByRun.set(ctx, known);
	}
	const runKnown = known;
	const wanted = [...new Set(domains)];
	const fresh = wanted.filter((domain) => !runKnown.has(domain));
	if (fresh.length > 0) {
		const answered = enrich(
			ctx,
			COMPANIES,
			fresh.map((domain) => ({ domain })),
			options,
		);
		// A lookup that failed may be tried again by a later batch, but not one whose answer was lost: that
		// could pay for it twice, so the later batches' leads get its error instead, at no cost.
		answered.catch((error: unknown) => {
			const lostAnswer = isProviderApiError(error, 'outcomeUnknown') ? failed('failed', error.message) : undefined;
			for (const domain of fresh) {
				if (lostAnswer === undefined) runKnown.delete(domain);
				else runKnown.set(domain, Promise.resolve(lostAnswer));
			}
		});
		for (const [index, domain] of fresh.entries()) {
			const outcome = answered.then((outcomes) => outcomes[index]);
			// Awaited below; a failure is thrown there once, not again for every domain of the batch.
			outcome.catch(() => undefined);
			runKnown.set(domain, outcome);
		}
	}
	// Taken before waiting: a failure replaces the entries for later batches, not for this one.
	const pending = wanted.map((domain) => runKnown.get(domain)!);
	const companies = new Map<string, LookupOutcome>();
	for (const [index, domain] of wanted.entries()) {
		const outcome = await pending[index];
		companies.set(domain, fresh.includes(domain) ? outcome : { ...outcome, credits: 0, lost: undefined });
	}
	return companies;
}

/** A lead's lost answers: its own lookup's and its company's. */
function addLost(own: LostSends | undefined, company: LostSends | undefined): LostSends | undefined {
	return own && company ? { sends: own.sends + company.sends, credits: own.credits + company.credits } : (own ?? company);
}

export async function enrichPeople(ctx: TransportContext, lookups: PersonLookup[], options: CallOptions = {}): Promise<LookupOutcome[]> {
	const resolving = lookups.map((lookup) => (needsCompanyId(lookup) ? lookup.domain : undefined));
	const domains = resolving.filter((domain): domain is string => domain !== undefined);
	const companies = domains.length > 0 ? await companiesFor(ctx, domains, options) : new Map<string, LookupOutcome>();
	const companyIds = resolving.map((domain) =>
		domain === undefined ? undefined : text(companies.get(domain)?.record?.company?.ids?.zoomInfo),
	);
	const companyIdOf = new Map(lookups.map((lookup, index) => [lookup, companyIds[index]]));
	const kind = { ...CONTACTS, toInput: (lookup: PersonLookup) => personMatchInput(lookup, companyIdOf.get(lookup)) };
	const outcomes = await enrich(ctx, kind, lookups, options);
	const charged = new Set<string>();
	return outcomes.map((outcome, index) => {
		const domain = resolving[index];
		if (domain === undefined) return outcome;
		const company = companies.get(domain)!;
		const cost = charged.has(domain) ? { credits: 0, lost: undefined } : { credits: company.credits, lost: company.lost };
		charged.add(domain);
		if (company.status === 'error') return { ...company, ...cost };
		if (companyIds[index] === undefined) return { status: 'noMatch', ...cost };
		return { ...outcome, credits: outcome.credits + cost.credits, lost: addLost(outcome.lost, cost.lost) };
	});
}

export async function enrichCompanies(ctx: TransportContext, lookups: CompanyLookup[], options?: CallOptions): Promise<LookupOutcome[]> {
	return await enrich(ctx, COMPANIES, lookups, options);
}
