/**
 * The deterministic people and companies that Apollo, ZoomInfo, Hunter and UpLead answer from. One
 * shared truth, so a person found by Apollo can be enriched by Hunter; each provider only "knows"
 * some emails (`knownBy`), which is what makes enrichment waterfalls worth testing.
 */
import {
	COMPANY_PREFIXES,
	COMPANY_SUFFIXES,
	DEPARTMENTS,
	FIRST_NAMES,
	LAST_NAMES,
	PLACES,
	SENIORITIES,
	SENIORITY_WEIGHTS,
	TLDS,
	titleFor,
	type Department,
	type Seniority,
} from './fixture-words';
import { between, hashSeed, mulberry32, pick, type Random } from './prng';
import type { CreditProvider } from './types';

export type { Department, Seniority } from './fixture-words';

export type EmailPattern = '{first}.{last}' | '{f}{last}' | '{first}' | '{first}{l}';
const EMAIL_PATTERNS: readonly EmailPattern[] = ['{first}.{last}', '{f}{last}', '{first}', '{first}{l}'];

export interface FixtureCompany {
	id: number;
	name: string;
	domain: string;
	industry: string;
	employees: number;
	revenueUsd: number;
	foundedYear: number;
	city: string;
	state: string;
	country: string;
	phone: string;
	linkedinUrl: string;
	emailPattern: EmailPattern;
	/** Mail servers that accept any address: verifiers answer accept_all. */
	catchAll: boolean;
}

export interface FixturePerson {
	id: number;
	firstName: string;
	lastName: string;
	title: string;
	seniority: Seniority;
	department: Department;
	/** null: nobody knows this person's email. */
	email: string | null;
	/** 0-100: how sure the providers are of the email. */
	emailConfidence: number;
	phone: string | null;
	mobilePhone: string | null;
	linkedinUrl: string;
	city: string;
	state: string;
	country: string;
	companyId: number;
	previousCompanyId: number | null;
	/** "YYYY-MM" the person started in the current job. */
	startedOn: string;
	/** Which data providers can return the email. */
	knownBy: Record<CreditProvider, boolean>;
}

export interface DatasetOptions {
	seed: number;
	people: number;
	companies: number;
}

const EMPLOYEE_BUCKETS = [8, 25, 60, 140, 320, 800, 2400, 9000] as const;

/** ASCII, lowercase, letters only: what mail systems make of "Zoë O'Brien". */
export function emailPart(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
}

export function applyPattern(pattern: EmailPattern, firstName: string, lastName: string): string {
	const first = emailPart(firstName);
	const last = emailPart(lastName);
	return pattern.replace('{first}', first).replace('{last}', last).replace('{f}', first.charAt(0)).replace('{l}', last.charAt(0));
}

/** "Mary Van der Berg" -> ["Mary", "Van der Berg"]: the first word is the first name. */
export function splitName(full: string): [string, string] {
	const [first = '', ...rest] = full.trim().split(/\s+/);
	return [first, rest.join(' ')];
}

function phoneFor(random: Random, place: (typeof PLACES)[number], id: number): string {
	return `+${place[3]} ${place[4]} 555 ${String(id % 10_000).padStart(4, '0')}${between(random, 0, 9)}`;
}

function weightedSeniority(random: Random): Seniority {
	const total = SENIORITIES.reduce((sum, seniority) => sum + SENIORITY_WEIGHTS[seniority], 0);
	let roll = random() * total;
	for (const seniority of SENIORITIES) {
		roll -= SENIORITY_WEIGHTS[seniority];
		if (roll < 0) return seniority;
	}
	return 'entry';
}

export class Dataset {
	readonly companies: FixtureCompany[] = [];
	readonly people: FixturePerson[] = [];
	private readonly companyById = new Map<number, FixtureCompany>();
	private readonly companyByDomain = new Map<string, FixtureCompany>();
	private readonly companyByName = new Map<string, FixtureCompany>();
	private readonly personById = new Map<number, FixturePerson>();
	private readonly personByEmail = new Map<string, FixturePerson>();
	private readonly staff = new Map<number, FixturePerson[]>();

	addCompany(company: FixtureCompany): FixtureCompany {
		this.companies.push(company);
		this.companyById.set(company.id, company);
		this.companyByDomain.set(company.domain.toLowerCase(), company);
		this.companyByName.set(company.name.toLowerCase(), company);
		return company;
	}

	addPerson(person: FixturePerson): FixturePerson {
		this.people.push(person);
		this.personById.set(person.id, person);
		if (person.email) this.personByEmail.set(person.email.toLowerCase(), person);
		const list = this.staff.get(person.companyId) ?? [];
		list.push(person);
		this.staff.set(person.companyId, list);
		return person;
	}

	company(id: number): FixtureCompany | undefined {
		return this.companyById.get(id);
	}

	/** `www.` and a scheme are tolerated, as providers do. */
	companyByDomainName(domain: string): FixtureCompany | undefined {
		const clean = domain
			.toLowerCase()
			.replace(/^https?:\/\//, '')
			.replace(/^www\./, '')
			.replace(/\/.*$/, '');
		return this.companyByDomain.get(clean);
	}

	companyNamed(name: string): FixtureCompany | undefined {
		return this.companyByName.get(name.trim().toLowerCase());
	}

	person(id: number): FixturePerson | undefined {
		return this.personById.get(id);
	}

	personByEmailAddress(email: string): FixturePerson | undefined {
		return this.personByEmail.get(email.trim().toLowerCase());
	}

	peopleAt(companyId: number): FixturePerson[] {
		return this.staff.get(companyId) ?? [];
	}

	/** By full name at a company given by domain or name (case and accents ignored). */
	findByName(first: string, last: string, company: FixtureCompany | undefined): FixturePerson | undefined {
		if (!company) return undefined;
		const [f, l] = [emailPart(first), emailPart(last)];
		return this.peopleAt(company.id).find((p) => emailPart(p.firstName) === f && emailPart(p.lastName) === l);
	}

	nextCompanyId(): number {
		return this.companies.reduce((max, company) => Math.max(max, company.id), 0) + 1;
	}

	nextPersonId(): number {
		return this.people.reduce((max, person) => Math.max(max, person.id), 0) + 1;
	}
}

function makeCompany(random: Random, id: number, prefix: string, suffix: readonly [string, string], used: Set<string>): FixtureCompany {
	const place = pick(random, PLACES);
	let domain = `${prefix}${suffix[0]}`.toLowerCase() + pick(random, TLDS);
	while (used.has(domain)) domain = `${prefix}${suffix[0]}${between(random, 2, 99)}`.toLowerCase() + '.com';
	used.add(domain);
	const employees = Math.round(pick(random, EMPLOYEE_BUCKETS) * (0.7 + random() * 0.6));
	return {
		id,
		name: `${prefix} ${suffix[0]}`,
		domain,
		industry: suffix[1],
		employees,
		revenueUsd: employees * between(random, 80, 250) * 1000,
		foundedYear: between(random, 1975, 2021),
		city: place[0],
		state: place[1],
		country: place[2],
		phone: phoneFor(random, place, id),
		linkedinUrl: `https://www.linkedin.com/company/${domain.split('.')[0]}`,
		emailPattern: pick(random, EMAIL_PATTERNS),
		catchAll: random() < 0.06,
	};
}

function makePerson(random: Random, id: number, company: FixtureCompany, dataset: Dataset, usedEmails: Set<string>): FixturePerson {
	const firstName = pick(random, FIRST_NAMES);
	const lastName = pick(random, LAST_NAMES);
	// The first person on a company's books is its leader, so every company has a decision maker.
	const seniority =
		dataset.peopleAt(company.id).length === 0 ? pick(random, ['owner', 'founder', 'c_suite'] as const) : weightedSeniority(random);
	const department: Department = seniority === 'owner' || seniority === 'founder' ? 'executive' : pick(random, DEPARTMENTS);
	const place = random() < 0.75 ? (PLACES.find((p) => p[0] === company.city) ?? pick(random, PLACES)) : pick(random, PLACES);
	let local = applyPattern(company.emailPattern, firstName, lastName);
	while (usedEmails.has(`${local}@${company.domain}`)) local += between(random, 1, 9);
	const hasEmail = random() >= 0.15;
	if (hasEmail) usedEmails.add(`${local}@${company.domain}`);
	const known = () => hasEmail && random() < 0.7;
	const previous = random() < 0.6 ? between(random, 1, dataset.companies.length) : null;
	const slug = `${emailPart(firstName)}-${emailPart(lastName)}-${id.toString(16).padStart(4, '0')}`;
	return {
		id,
		firstName,
		lastName,
		title: titleFor(seniority, department),
		seniority,
		department,
		email: hasEmail ? `${local}@${company.domain}` : null,
		emailConfidence: between(random, 55, 99),
		phone: random() < 0.45 ? phoneFor(random, place, id) : null,
		mobilePhone: random() < 0.3 ? phoneFor(random, place, id + 5000) : null,
		linkedinUrl: `https://www.linkedin.com/in/${slug}`,
		city: place[0],
		state: place[1],
		country: place[2],
		companyId: company.id,
		previousCompanyId: previous === company.id ? null : previous,
		startedOn: `${between(random, 2012, 2024)}-${String(between(random, 1, 12)).padStart(2, '0')}`,
		knownBy: { apollo: known(), zoomInfo: known(), hunter: known(), upLead: known() },
	};
}

export function generateDataset(options: DatasetOptions): Dataset {
	const random = mulberry32(hashSeed('fixtures', options.seed));
	const dataset = new Dataset();
	const names = COMPANY_PREFIXES.flatMap((prefix) => COMPANY_SUFFIXES.map((suffix) => [prefix, suffix] as const));
	for (let i = names.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[names[i], names[j]] = [names[j], names[i]];
	}
	const usedDomains = new Set<string>();
	const companyCount = Math.min(options.companies, names.length);
	for (let id = 1; id <= companyCount; id++) {
		const [prefix, suffix] = names[id - 1];
		dataset.addCompany(makeCompany(random, id, prefix, suffix, usedDomains));
	}
	const usedEmails = new Set<string>();
	for (let id = 1; id <= options.people && companyCount > 0; id++) {
		// Every company gets one person first; after that a skew gives some companies many people.
		const companyId = id <= companyCount ? id : 1 + Math.floor(companyCount * random() ** 1.6);
		dataset.addPerson(makePerson(random, id, dataset.companies[companyId - 1], dataset, usedEmails));
	}
	return dataset;
}
