/**
 * Benchmark: a daily schedule (example 01's Enrich node, Apollo then Hunter) over five simulated days
 * in which each day's search returns 80% of yesterday's people plus new ones, run with the lookup
 * memory (Skip People Enriched in the Last N Days: 30) and without it (0, the behaviour before it).
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { B2bEnrichment } from '../nodes/B2bEnrichment/B2bEnrichment.node';
import { hashSeed, mulberry32 } from '../sandbox/prng';
import type { Random } from '../sandbox/prng';
import { startSandbox } from '../sandbox/server';
import type { FixturePerson, LogEntry, Sandbox } from '../sandbox/server';
import { useTransportClock } from '../lib/transport';
import { runWithSandbox, savedSandboxCredentials } from '../test/nodes/run';
import { SimulatedClock } from '../test/harness/simulated-clock';
import { key } from './enrichment';
import { fmt } from './report';
import type { Benchmark, BenchSection } from './report';

const DAYS = 5;
const FIRST_DAY = 500;
const KEPT_SHARE = 0.8;
const DAY_MS = 86_400_000;
/** Example 01's schedule fires at 08:00 UTC. */
const RUN_AT_HOUR = 8;
/** Example 01's "Enrich: Apollo, then Hunter" node, parameter for parameter. */
const EXAMPLE_01 = {
	resource: 'person',
	operation: 'enrich',
	providers: ['apollo', 'hunter'],
	inputMode: 'auto',
	wanted: ['email', 'title'],
	options: { catchAll: 'accept' },
};
const MEMORY_DAYS = 30;
/** n8n keys a node's static data by the node's name; the harness names it after the node type. */
const NODE_KEY = 'node:B2B Enrichment';
const PAID = ['apollo', 'hunter'] as const;
type Paid = (typeof PAID)[number];

/** The people a paid lookup asked about, one key per person, from the sandbox's request log. */
function lookedUp(entry: LogEntry): string[] {
	if (entry.status < 200 || entry.status >= 300) return [];
	const body = (entry.body ?? {}) as Record<string, unknown>;
	if (entry.provider === 'apollo' && entry.path.endsWith('/people/match')) return [key(body.first_name, body.last_name, body.domain)];
	if (entry.provider === 'apollo' && entry.path.endsWith('/people/bulk_match'))
		return (body.details as Array<Record<string, unknown>>).map((detail) => key(detail.first_name, detail.last_name, detail.domain));
	if (entry.provider === 'hunter' && entry.path.endsWith('/email-finder'))
		return [key(entry.query.first_name, entry.query.last_name, entry.query.domain)];
	return [];
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
	const copy = [...items];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[copy[index], copy[other]] = [copy[other], copy[index]];
	}
	return copy;
}

/**
 * Each day's search result: day 1 draws FIRST_DAY people, each later day keeps 80% of yesterday's
 * (a seeded choice) and fills up with people no earlier day returned. Only people whose name is
 * unique at their company, so that a name and a domain name one person, as in bench/enrichment.ts.
 */
function searchResults(sandbox: Sandbox): FixturePerson[][] {
	const random = mulberry32(hashSeed('daily-schedule', sandbox.config.fixtures.seed));
	const unique = sandbox.fixtures.people.filter(
		(person) =>
			sandbox.fixtures
				.peopleAt(person.companyId)
				.filter((other) => other.firstName === person.firstName && other.lastName === person.lastName).length === 1,
	);
	const fresh = shuffled(random, unique);
	const needed = FIRST_DAY + (DAYS - 1) * (FIRST_DAY - Math.round(FIRST_DAY * KEPT_SHARE));
	if (fresh.length < needed) throw new Error(`the fixtures hold ${fresh.length} usable people; the schedule needs ${needed}`);
	const days = [fresh.splice(0, FIRST_DAY)];
	for (let day = 1; day < DAYS; day++) {
		const yesterday = days[day - 1];
		const kept = shuffled(random, yesterday).slice(0, Math.round(yesterday.length * KEPT_SHARE));
		days.push(shuffled(random, [...kept, ...fresh.splice(0, yesterday.length - kept.length)]));
	}
	return days;
}

interface Day {
	lookups: Record<Paid, number>;
	/** Paid lookups of someone an earlier day's search had already returned. */
	lookupsOfSeen: number;
	credits: Record<Paid, number>;
	/** Items passed on as enriched before (enrichment.known), at no cost. */
	known: number;
	/** The dates those items were marked enriched on: earlier days, if the node saw the days change. */
	knownDates: string[];
}

interface World {
	sandbox: Sandbox;
	parameters: INodeParameters;
	staticData: IDataObject;
	saved: ReturnType<typeof savedSandboxCredentials>;
	days: Day[];
}

async function runDay(world: World, people: FixturePerson[], seenBefore: Set<string>): Promise<Day> {
	const { sandbox } = world;
	const domainOf = (person: FixturePerson) => sandbox.fixtures.company(person.companyId)!.domain;
	const since = sandbox.requests().at(-1)?.seq ?? 0;
	const creditsBefore = sandbox.stats().credits;
	const input = people.map((person) => ({
		first_name: person.firstName,
		last_name: person.lastName,
		website: `https://www.${domainOf(person)}/`,
	}));
	const output: INodeExecutionData[] = await runWithSandbox(sandbox, new B2bEnrichment(), world.parameters, input, {
		saved: world.saved,
		staticData: world.staticData,
		mode: 'trigger',
	});
	const known = output.flatMap((item) => {
		const marked = (item.json.enrichment as { known?: { enrichedOn: string } } | undefined)?.known;
		return marked ? [marked] : [];
	});
	const log = sandbox.requests({ since });
	const creditsAfter = sandbox.stats().credits;
	const asked = (provider: Paid) => log.filter((entry) => entry.provider === provider).flatMap(lookedUp);
	return {
		lookups: Object.fromEntries(PAID.map((provider) => [provider, asked(provider).length])) as Record<Paid, number>,
		lookupsOfSeen: PAID.flatMap(asked).filter((looked) => seenBefore.has(looked)).length,
		credits: Object.fromEntries(
			PAID.map((provider) => [provider, (creditsAfter[provider] ?? 0) - (creditsBefore[provider] ?? 0)]),
		) as Record<Paid, number>,
		known: known.length,
		knownDates: [...new Set(known.map((item) => item.enrichedOn))].sort(),
	};
}

export const dailySchedule: Benchmark = async (): Promise<BenchSection> => {
	const clock = new SimulatedClock();
	useTransportClock(clock);
	// One clock for the transport, both sandboxes and the node's "today", which it reads from Date.now().
	const systemNow = Date.now;
	Date.now = () => clock.now();
	const sandboxes: Sandbox[] = [];
	const worlds: World[] = [];
	let schedule: FixturePerson[][];
	let storedBytes = 0;
	let storedKeys = 0;
	let storedWithout = '';
	const newPerDay: number[] = [];
	const realStarted = performance.now();
	try {
		for (const skipKnownDays of [0, MEMORY_DAYS]) {
			const sandbox = await startSandbox({ clock: clock.serverClock(), config: { logLimit: 50_000 } });
			sandboxes.push(sandbox);
			worlds.push({
				sandbox,
				parameters: { ...EXAMPLE_01, skipKnownDays },
				staticData: {},
				saved: savedSandboxCredentials(sandbox),
				days: [],
			});
		}
		schedule = searchResults(worlds[0].sandbox);
		const seen = new Set<string>();
		const firstRun = Math.ceil((clock.now() - RUN_AT_HOUR * 3_600_000) / DAY_MS) * DAY_MS + RUN_AT_HOUR * 3_600_000;
		clock.advance(firstRun - clock.now());
		for (const [day, people] of schedule.entries()) {
			const keys = people.map((person) =>
				key(person.firstName, person.lastName, worlds[0].sandbox.fixtures.company(person.companyId)!.domain),
			);
			newPerDay.push(keys.filter((looked) => !seen.has(looked)).length);
			if (day > 0) clock.advance(firstRun + day * DAY_MS - clock.now());
			for (const world of worlds) world.days.push(await runDay(world, people, seen));
			for (const looked of keys) seen.add(looked);
		}
		const memory = (worlds[1].staticData[NODE_KEY] as IDataObject | undefined)?.enrichedPeople ?? {};
		storedBytes = Buffer.byteLength(JSON.stringify(memory));
		storedKeys = Object.keys(memory).length;
		storedWithout = JSON.stringify(worlds[0].staticData);
	} finally {
		Date.now = systemNow;
		useTransportClock(undefined);
		for (const sandbox of sandboxes) await sandbox.stop();
	}
	const realSeconds = (performance.now() - realStarted) / 1000;
	const [without, withMemory] = worlds;
	const distinct = newPerDay.reduce((sum, count) => sum + count, 0);
	const credits = (day: Day) => PAID.reduce((sum, provider) => sum + day.credits[provider], 0);
	const sum = (days: Day[]): Day => ({
		lookups: Object.fromEntries(PAID.map((provider) => [provider, days.reduce((n, day) => n + day.lookups[provider], 0)])) as Record<
			Paid,
			number
		>,
		lookupsOfSeen: days.reduce((n, day) => n + day.lookupsOfSeen, 0),
		credits: Object.fromEntries(PAID.map((provider) => [provider, days.reduce((n, day) => n + day.credits[provider], 0)])) as Record<
			Paid,
			number
		>,
		known: days.reduce((n, day) => n + day.known, 0),
		knownDates: [],
	});
	const cells = (off: Day, on: Day) => [
		...[
			(day: Day) => day.lookups.apollo,
			(day: Day) => day.lookups.hunter,
			credits,
			(day: Day) => day.credits.apollo,
			(day: Day) => day.credits.hunter,
			(day: Day) => day.lookupsOfSeen,
		].map((of) => `${fmt(of(off))} / ${fmt(of(on))}`),
		fmt(on.known),
	];
	const rows = schedule.map((people, day) => [
		`day ${day + 1}`,
		fmt(people.length),
		fmt(newPerDay[day]),
		...cells(without.days[day], withMemory.days[day]),
	]);
	rows.push([
		`days 1–${DAYS}`,
		fmt(schedule.reduce((n, people) => n + people.length, 0)),
		fmt(distinct),
		...cells(sum(without.days), sum(withMemory.days)),
	]);
	const laterDays = withMemory.days.slice(1).map((day, index) => ({ day, index: index + 1 }));
	const creditsWithout = credits(sum(without.days));
	const creditsWith = credits(sum(withMemory.days));
	const lastKnown = withMemory.days[DAYS - 1].knownDates;
	const bytesPerKey = storedKeys === 0 ? 0 : storedBytes / storedKeys;
	const bytesPerPerson = distinct === 0 ? 0 : storedBytes / distinct;
	return {
		title: `A daily schedule over ${DAYS} days (each day's search: ${KEPT_SHARE * 100}% of yesterday's people plus new ones), Apollo → Hunter, with and without the lookup memory`,
		columns: [
			'day',
			'people in the search',
			'new people',
			'Apollo paid lookups: without / with memory',
			'Hunter paid lookups: without / with',
			'credits: without / with',
			'Apollo credits: without / with',
			'Hunter credits: without / with',
			'paid lookups of people an earlier day returned: without / with',
			'passed on as known (with memory)',
		],
		rows,
		targets: [
			...laterDays.map(({ day, index }) => ({
				name: `day ${index + 1} with memory pays only for new people: Apollo / Hunter paid lookups`,
				wanted: `${fmt(newPerDay[index])} / ≤ ${fmt(newPerDay[index])}, none of people seen before`,
				measured: `${fmt(day.lookups.apollo)} / ${fmt(day.lookups.hunter)}, ${fmt(day.lookupsOfSeen)} of people seen before`,
				met: day.lookups.apollo === newPerDay[index] && day.lookups.hunter <= newPerDay[index] && day.lookupsOfSeen === 0,
			})),
			{
				name: `memory saves: credits over ${DAYS} days, with vs without`,
				wanted: `< ${fmt(creditsWithout)}`,
				measured: `${fmt(creditsWith)} (${fmt((1 - creditsWith / creditsWithout) * 100, 1)}% fewer)`,
				met: creditsWith < creditsWithout,
			},
		],
		notes: [
			`Both worlds run example 01's Enrich node (${EXAMPLE_01.providers.join(' → ')}, wanted ${EXAMPLE_01.wanted.join(' and ')}, ` +
				`catch-all emails accepted) in mode "trigger", each against its own sandbox so credits are counted per world; the only ` +
				`difference is Skip People Enriched in the Last N Days: ${MEMORY_DAYS} with memory, 0 without (every run pays for ` +
				`everyone, the behaviour before the memory). With memory one workflow static data object is carried from day to day, as ` +
				`n8n's database carries it between scheduled runs.`,
			`The search is simulated: day 1 is ${fmt(FIRST_DAY)} fixture people drawn with a seeded shuffle (people whose name is ` +
				`unique at their company, given as name and company website, as in the enrichment benchmark); each later day keeps a seeded ` +
				`${KEPT_SHARE * 100}% of yesterday's list and adds people no earlier day returned. Apollo matches every fixture person ` +
				`(a credit each) but has the email of only some; Hunter is asked about the others.`,
			"Paid lookups are the people named in the sandbox's 2xx answers on its charging endpoints (Apollo people/match and " +
				'people/bulk_match, Hunter email-finder); credits are what the sandbox charged that day (Apollo charges a found person, ' +
				'Hunter a found email). "People an earlier day returned" counts lookups of anyone an earlier day\'s search held, ' +
				'whether or not that world paid for them then.',
			`The node takes "today" from Date.now(). For the run the benchmark points Date.now() at the simulated clock the transport ` +
				`and both sandboxes use, and moves that clock to 08:00 UTC of the next day before each day (example 01's schedule), so ` +
				`the memory sees five calendar days; Date.now() is restored afterwards. Nothing else about the node is stubbed.`,
			`After day ${DAYS} the memory (${NODE_KEY} → enrichedPeople in the workflow's static data) holds ${fmt(storedKeys)} keys ` +
				`for ${fmt(distinct)} people: ${fmt(storedBytes)} bytes as JSON, ${fmt(bytesPerPerson, 1)} bytes a person ` +
				`(${fmt(storedKeys / Math.max(distinct, 1), 2)} keys a person, name with company plus the email when one was found, ${fmt(bytesPerKey, 1)} bytes a key). At ` +
				`that rate 10,000 people take about ${fmt((bytesPerPerson * 10_000) / 1024)} KiB and 100,000 about ` +
				`${fmt((bytesPerPerson * 100_000) / 2 ** 20, 1)} MiB. An input that also carries an email, a LinkedIn URL or a ` +
				`provider id is kept under up to three keys, about ` +
				`${fmt(3 * bytesPerKey)} bytes a person. The node keeps 300,000 keys at most, oldest forgotten first. ` +
				`Without memory the static data stays \`${storedWithout}\`.`,
			`Check that the node saw the days change: on day ${DAYS} the people passed on as known were marked enriched on ` +
				`${lastKnown.length} dates (${lastKnown.join(', ')}), days 1 to ${DAYS - 1} of the run.`,
			`Real time for both worlds, ${DAYS} days each: ${fmt(realSeconds, 1)} s.`,
		],
	};
};
