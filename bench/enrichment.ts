/**
 * Benchmark 2: Enrich Person over 1,000 leads (30% of them repeats written differently) through an
 * Apollo → ZoomInfo → Hunter waterfall, against the same waterfall run one lead at a time.
 */
import { normalizeDomain } from '../lib/normalize';
import { defaultConfig } from '../sandbox/config';
import { B2bEnrichment } from '../nodes/B2bEnrichment/B2bEnrichment.node';
import { runWithSandbox, savedSandboxCredentials } from '../test/nodes/run';
import type { FixturePerson, LogEntry, Sandbox } from '../sandbox/server';
import { duration } from './measure';
import { fmt } from './report';
import type { Benchmark, BenchSection } from './report';
import type { SimulatedClock } from '../test/harness/simulated-clock';
import { startSimulatedSandbox } from '../test/harness/simulated-sandbox';

const LEADS = 1000;
const DUPLICATE_SHARE = 0.3;
const PARAMETERS = {
	resource: 'person',
	operation: 'enrich',
	providers: ['apollo', 'zoomInfo', 'hunter'],
	inputMode: 'auto',
	wanted: ['email', 'phone', 'title'],
	options: { catchAll: 'accept' },
};
/** ZoomInfo first: it gets the leads as they come, a name and a company website, and no company name from Apollo. */
const ZOOMINFO_FIRST = { ...PARAMETERS, providers: ['zoomInfo', 'hunter'] };
/** The sandbox's ZoomInfo plan: records enrich may return before it answers LIMIT_EXCEEDED. */
const ZOOMINFO_RECORDS = defaultConfig().zoomInfo.recordLimit;
const PAID = ['apollo', 'zoomInfo', 'hunter'] as const;
type Paid = (typeof PAID)[number];

/** Distinct people, then repeats of the first ones as another system would spell them. */
function leads(sandbox: Sandbox): Array<Record<string, string>> {
	const domainOf = (person: FixturePerson) => sandbox.fixtures.company(person.companyId)!.domain;
	const unique = sandbox.fixtures.people.filter(
		(person) =>
			sandbox.fixtures
				.peopleAt(person.companyId)
				.filter((other) => other.firstName === person.firstName && other.lastName === person.lastName).length === 1,
	);
	const distinct = unique.slice(0, Math.round(LEADS * (1 - DUPLICATE_SHARE)));
	const repeats = distinct.slice(0, LEADS - distinct.length).map((person) => ({
		first_name: person.firstName.toUpperCase(),
		last_name: ` ${person.lastName} `,
		website: domainOf(person).toUpperCase(),
	}));
	return [
		...distinct.map((person) => ({
			first_name: person.firstName,
			last_name: person.lastName,
			website: `https://www.${domainOf(person)}/`,
		})),
		...repeats,
	];
}

/** One key per person a lookup names, however its name and domain were spelt. */
export const key = (first: unknown, last: unknown, domain: unknown) =>
	[first, last, domain]
		.map((part) =>
			String(part ?? '')
				.trim()
				.toLowerCase()
				.replace(/^www\./, ''),
		)
		.join('|');

/** The people a paid lookup asked about, one key per person, from the sandbox's request log. */
function lookedUp(entry: LogEntry): string[] {
	const body = (entry.body ?? {}) as Record<string, Array<Record<string, unknown>>>;
	if (entry.provider === 'apollo' && entry.path.endsWith('/people/match')) {
		const detail = body as unknown as Record<string, unknown>;
		return [key(detail.first_name, detail.last_name, detail.domain)];
	}
	if (entry.provider === 'apollo' && entry.path.endsWith('/people/bulk_match'))
		return body.details.map((detail) => key(detail.first_name, detail.last_name, detail.domain));
	if (entry.provider === 'zoomInfo' && entry.path.endsWith('/enrich/contact'))
		return body.matchPersonInput.map((input) => key(input.firstName, input.lastName, input.companyId ?? input.companyName));
	if (entry.provider === 'hunter' && entry.path.endsWith('/email-finder'))
		return [key(entry.query.first_name, entry.query.last_name, entry.query.domain)];
	return [];
}

/** The companies a paid ZoomInfo Enrich Company call resolved by domain, for leads known only by name and domain. */
function companiesLookedUp(entry: LogEntry): string[] {
	const body = (entry.body ?? {}) as Record<string, Array<Record<string, unknown>>>;
	return entry.provider === 'zoomInfo' && entry.path.endsWith('/enrich/company')
		? body.matchCompanyInput.map((input) => key('company', input.companyWebsite, ''))
		: [];
}

interface Run {
	calls: Record<Paid, number>;
	leadsAsked: Record<Paid, number>;
	companyCalls: number;
	companyLookups: number;
	repeatedLookups: number;
	credits: Record<Paid, number>;
	refused429: number;
	emails: number;
	simulatedMs: number;
}

async function measure(
	sandbox: Sandbox,
	clock: SimulatedClock,
	work: () => Promise<Array<{ json: Record<string, unknown> }>>,
): Promise<Run> {
	sandbox.reset();
	clock.advance(2 * 3_600_000);
	const started = clock.now();
	const output = await work();
	const simulatedMs = clock.now() - started;
	const paid = sandbox.requests().filter((entry) => entry.status >= 200 && entry.status < 300 && lookedUp(entry).length > 0);
	const count = (provider: Paid, of: (entries: LogEntry[]) => number) => of(paid.filter((entry) => entry.provider === provider));
	const companyCalls = sandbox
		.requests()
		.filter((entry) => entry.status >= 200 && entry.status < 300 && companiesLookedUp(entry).length > 0);
	const seen = new Map<string, number>();
	for (const entry of [...paid, ...companyCalls])
		for (const looked of [...lookedUp(entry), ...companiesLookedUp(entry)])
			seen.set(`${entry.provider}:${looked}`, (seen.get(`${entry.provider}:${looked}`) ?? 0) + 1);
	const stats = sandbox.stats();
	return {
		calls: Object.fromEntries(PAID.map((provider) => [provider, count(provider, (entries) => entries.length)])) as Record<Paid, number>,
		leadsAsked: Object.fromEntries(
			PAID.map((provider) => [provider, count(provider, (entries) => entries.reduce((sum, entry) => sum + lookedUp(entry).length, 0))]),
		) as Record<Paid, number>,
		companyCalls: companyCalls.length,
		companyLookups: companyCalls.reduce((sum, entry) => sum + companiesLookedUp(entry).length, 0),
		repeatedLookups: [...seen.values()].reduce((sum, times) => sum + times - 1, 0),
		credits: Object.fromEntries(PAID.map((provider) => [provider, stats.credits[provider] ?? 0])) as Record<Paid, number>,
		refused429: PAID.reduce(
			(sum, provider) =>
				sum +
				(stats.requests[provider]?.byStatus['429'] ?? 0) +
				(provider === 'hunter' ? (stats.requests.hunter?.byStatus['403'] ?? 0) : 0),
			0,
		),
		emails: output.filter((item) => typeof (item.json.person as { email?: unknown } | undefined)?.email === 'string').length,
		simulatedMs,
	};
}

/** The same leads through one node run with every item, and through one run per lead. */
async function bothWays(sandbox: Sandbox, clock: SimulatedClock, parameters: typeof PARAMETERS): Promise<{ batched: Run; perLead: Run }> {
	const node = new B2bEnrichment();
	const input = leads(sandbox);
	const batched = await measure(sandbox, clock, async () => await runWithSandbox(sandbox, node, parameters, input));
	const saved = savedSandboxCredentials(sandbox);
	const perLead = await measure(sandbox, clock, async () => {
		const output = [];
		for (const lead of input) output.push(...(await runWithSandbox(sandbox, node, parameters, [lead], { saved })));
		return output;
	});
	return { batched, perLead };
}

export const enrichment: Benchmark = async (): Promise<BenchSection> => {
	const { sandbox, clock, stop } = await startSimulatedSandbox({ logLimit: 50_000 });
	let waterfall: { batched: Run; perLead: Run };
	let zoomInfoFirst: { batched: Run; perLead: Run };
	try {
		waterfall = await bothWays(sandbox, clock, PARAMETERS);
		zoomInfoFirst = await bothWays(sandbox, clock, ZOOMINFO_FIRST);
	} finally {
		await stop();
	}
	const { batched, perLead } = waterfall;
	const domains = new Set(leads(sandbox).map((lead) => normalizeDomain(lead.website))).size;
	const perCall = (run: Run, provider: Paid) => (run.calls[provider] === 0 ? 0 : run.leadsAsked[provider] / run.calls[provider]);
	const row = (name: string, run: Run) => [
		name,
		...PAID.map((provider) => `${fmt(run.calls[provider])} (${fmt(perCall(run, provider), 1)} leads/call)`),
		`${fmt(run.companyLookups)} in ${fmt(run.companyCalls)} calls`,
		fmt(run.repeatedLookups),
		PAID.map((provider) => fmt(run.credits[provider])).join(' / '),
		fmt(run.refused429),
		fmt(run.emails),
		duration(run.simulatedMs),
	];
	return {
		title: `Enrichment of ${fmt(LEADS)} leads (${DUPLICATE_SHARE * 100}% repeats) through Apollo → ZoomInfo → Hunter, and ZoomInfo → Hunter`,
		columns: [
			'way',
			'Apollo paid calls',
			'ZoomInfo paid calls',
			'Hunter paid calls',
			'ZoomInfo company lookups (Enrich Company)',
			'paid lookups of a person or company already looked up',
			'credits Apollo / ZoomInfo / Hunter',
			'429s',
			'emails found',
			'wall time (simulated)',
		],
		rows: [
			row('Apollo → ZoomInfo → Hunter, all items at once (this package)', batched),
			row('Apollo → ZoomInfo → Hunter, one lead at a time (baseline)', perLead),
			row('ZoomInfo → Hunter, all items at once (this package)', zoomInfoFirst.batched),
			row('ZoomInfo → Hunter, one lead at a time (baseline)', zoomInfoFirst.perLead),
		],
		targets: [
			{ name: 'paid lookups for repeats', wanted: '0', measured: fmt(batched.repeatedLookups), met: batched.repeatedLookups === 0 },
			{
				name: 'ZoomInfo first: paid lookups of a person or company already looked up',
				wanted: '0',
				measured: fmt(zoomInfoFirst.batched.repeatedLookups),
				met: zoomInfoFirst.batched.repeatedLookups === 0,
			},
			{
				name: 'ZoomInfo first: Enrich Company lookups, one per distinct company domain',
				wanted: fmt(domains),
				measured: fmt(zoomInfoFirst.batched.companyLookups),
				met: zoomInfoFirst.batched.companyLookups === domains,
			},
			{
				name: 'Apollo leads per call',
				wanted: '≥ 9.5',
				measured: fmt(perCall(batched, 'apollo'), 2),
				met: perCall(batched, 'apollo') >= 9.5,
			},
			{
				name: 'ZoomInfo leads per call',
				wanted: '≥ 24',
				measured: fmt(perCall(batched, 'zoomInfo'), 2),
				met: perCall(batched, 'zoomInfo') >= 24,
			},
			{
				name: 'same emails found as the baseline',
				wanted: 'equal',
				measured: `${fmt(batched.emails)} vs ${fmt(perLead.emails)}`,
				met: batched.emails === perLead.emails,
			},
		],
		notes: [
			`The waterfall asks for email, phone and title; a provider is asked only for leads the ones before it left incomplete. The ` +
				`baseline is the same node and credentials run once per lead, as a loop of one item at a time does: no batching, no memory of ` +
				`earlier leads. The repeats differ from their first spelling in case, spaces and the form of the website.`,
			"Paid calls are the sandbox's 2xx answers on its charging endpoints (Apollo people/match and people/bulk_match, ZoomInfo " +
				'enrich/contact, Hunter email-finder); credits are what the sandbox charged. "Paid lookups of a person or company already ' +
				'looked up" counts, per provider, every paid lookup of a name and company (or of a company domain) that provider had ' +
				'already been paid for in the run.',
			'The leads carry a name and a company website, no company name. After Apollo, ZoomInfo gets the company name Apollo found. ' +
				'Asked first, it gets only the website, which Enrich Contact does not take: each company is first resolved to its ZoomInfo ' +
				'id with Enrich Company (batched, once per domain per run; its records are credits too), then the people are matched by ' +
				'name and company id. ' +
				`One lead at a time pays for its company on every lead: with the sandbox plan of ` +
				`${fmt(ZOOMINFO_RECORDS)} ZoomInfo records it runs out after ${fmt(zoomInfoFirst.perLead.calls.zoomInfo)} leads (the rest ` +
				`get no ZoomInfo answer), where all items at once spends them on ${fmt(zoomInfoFirst.batched.leadsAsked.zoomInfo)} people ` +
				`and their ${fmt(domains)} companies.`,
			"Wall time is simulated (no latency; waits for Apollo's bulk limit of 20 calls a minute pass in simulated time), so both ways stay " +
				'under the published limits and the figure is the time a real run would spend.',
		],
	};
};
