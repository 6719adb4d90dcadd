import {
	CustomFieldCatalog,
	allowsDuplicateContacts,
	connect,
	contactFromItem,
	contactSearchProblem,
	createOpportunity,
	e164,
	findCustomField,
	freeSlotsRangeProblem,
	getFreeSlots,
	isTimeZone,
	searchContacts,
	searchOpportunities,
	searchTextProblem,
	tagList,
	toInstant,
	updateContact,
	updateOpportunity,
	upsertContact,
} from '../../lib/destinations/goHighLevel';
import type { GhlCustomField } from '../../lib/destinations/goHighLevel';
import { isProviderApiError } from '../../lib/transport';
import { failureOf, useSandbox } from '../credentials-flow/flow';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { providerContext } from '../harness/transport-context';

const sandbox = useSandbox();
const { locationId, privateIntegrationToken } = SANDBOX_CREDENTIALS.goHighLevel;
const context = (token: string = privateIntegrationToken) =>
	providerContext('b2bGoHighLevelApi', { baseUrl: sandbox().baseUrl('goHighLevelV2'), privateIntegrationToken: token, locationId });
const requests = (path: string) => sandbox().requests({ api: 'goHighLevelV2', pathIncludes: path });
const store = () => sandbox().state.goHighLevel.location(locationId);

async function connected(token?: string) {
	const ctx = context(token);
	return { ctx, connection: await connect(ctx, 'privateIntegrationToken') };
}

describe('GoHighLevel mapping', () => {
	it("maps a normalized person and company: mobile phone first, the person's own place, an absolute website", () => {
		const contact = contactFromItem({
			person: {
				firstName: 'Ada',
				lastName: 'Lovelace',
				fullName: 'Ada Lovelace',
				email: ' Ada@Acme.com ',
				companyName: 'Acme',
				phones: [
					{ number: '+1 512 555 0100', type: 'work' },
					{ number: '+1 512 555 0101', type: 'direct' },
					{ number: '+1 512 555 0102', type: 'mobile' },
				],
				location: { city: 'Austin', country: 'US' },
			},
			company: { name: 'Acme Inc', domain: 'acme.com', address: { street: '1 Main St', city: 'Dallas', postalCode: '75001' } },
		});
		expect(contact).toEqual({
			firstName: 'Ada',
			lastName: 'Lovelace',
			name: 'Ada Lovelace',
			email: 'ada@acme.com',
			phone: '+1 512 555 0102',
			companyName: 'Acme',
			website: 'https://acme.com',
			city: 'Austin',
			country: 'US',
		});
	});

	it('uses the company address when the person has no location, and reads flat fields', () => {
		expect(
			contactFromItem({
				person: { email: 'a@b.co', phones: [{ number: '1' }] },
				company: { website: 'www.b.co', address: { street: '1 Main St', city: 'Dallas', state: 'TX', postalCode: '75001', country: 'US' } },
			}),
		).toEqual({
			email: 'a@b.co',
			phone: '1',
			website: 'https://www.b.co',
			address1: '1 Main St',
			city: 'Dallas',
			state: 'TX',
			postalCode: '75001',
			country: 'US',
		});
		expect(
			contactFromItem({
				first_name: 'Bo',
				last_name: 'Li',
				email: 'bo@li.io',
				phone: '555',
				company_name: 'Li Co',
				domain: 'li.io',
				city: 'Oslo',
			}),
		).toEqual({
			firstName: 'Bo',
			lastName: 'Li',
			email: 'bo@li.io',
			phone: '555',
			companyName: 'Li Co',
			website: 'https://li.io',
			city: 'Oslo',
		});
		expect(contactFromItem({ person: { phones: [null, { type: 'mobile' }] } })).toEqual({});
	});

	it('normalizes phones to E.164 and tags to a list', () => {
		expect([e164('(415) 555-0100'), e164('+44 20 7946 0958'), e164('14155550100')]).toEqual([
			'+14155550100',
			'+442079460958',
			'+14155550100',
		]);
		expect(tagList(' lead, apollo ,, lead')).toEqual(['lead', 'apollo']);
		expect(tagList(['a', ' b '])).toEqual(['a', 'b']);
		expect(tagList(undefined)).toEqual([]);
	});
});

describe('GoHighLevel custom fields', () => {
	const fields: GhlCustomField[] = [
		{ id: 'cfA', name: 'Lead Source', fieldKey: 'contact.lead_source' },
		{ id: 'cfB', name: 'lead_source', fieldKey: 'contact.origin' },
	];

	it('finds a field by id, then by key (with or without contact., or as a merge tag), then by name', () => {
		expect(
			['cfA', 'contact.lead_source', 'lead_source', '{{ contact.lead_source }}', 'LEAD SOURCE', 'contact.origin'].map(
				(reference) => findCustomField(fields, reference)?.id,
			),
		).toEqual(['cfA', 'cfA', 'cfA', 'cfA', 'cfA', 'cfB']);
		expect(findCustomField(fields, 'contact.nope')).toBeUndefined();
		expect(findCustomField(fields, ' ')).toBeUndefined();
	});

	it("reads the location's fields once however many items resolve, and reports unknown ones", async () => {
		const { ctx, connection } = await connected();
		const catalog = new CustomFieldCatalog(ctx, connection);
		const first = await catalog.resolve([
			{ field: 'contact.seniority', value: 'vp' },
			{ field: 'nope', value: 1 },
		]);
		const second = await catalog.resolve([{ field: 'Company Size', value: 3 }]);
		expect(first).toEqual({ customFields: [{ id: 'cfSeniority000000003', field_value: 'vp' }], unknown: ['nope'] });
		expect(second.customFields).toEqual([{ id: 'cfCompanySize0000004', field_value: 3 }]);
		expect(requests('/customFields')).toHaveLength(1);
	});
});

describe('GoHighLevel contacts', () => {
	it('Return All stops at the reported total: 1,000 contacts are 2 requests of 500, not 3', async () => {
		sandbox().seed('goHighLevel', { contacts: Array.from({ length: 1000 }, (_, n) => ({ email: `c${n}@example.com` })) });
		const { ctx, connection } = await connected();
		const found = await searchContacts(ctx, connection, {});
		expect(new Set(found.map((contact) => contact.id)).size).toBe(1000);
		expect(requests('/contacts/search').map((entry) => (entry.body as { pageLimit: number }).pageLimit)).toEqual([500, 500]);
	});

	it('a limit below a page is one request of that size', async () => {
		sandbox().seed('goHighLevel', { contacts: Array.from({ length: 30 }, (_, n) => ({ email: `c${n}@example.com` })) });
		const { ctx, connection } = await connected();
		expect(await searchContacts(ctx, connection, { query: 'example' }, 12)).toHaveLength(12);
		expect(requests('/contacts/search').map((entry) => entry.body)).toEqual([{ locationId, pageLimit: 12, query: 'example' }]);
	});

	it('an upsert whose answer is lost is repeated only when the location refuses duplicates', async () => {
		sandbox().configure({ faults: { providers: { goHighLevel: { dropAfterWriteRate: 1 } } } });
		const { ctx, connection } = await connected();
		const unsafe = await failureOf(upsertContact(ctx, connection, { email: 'once@example.com' }, false, { maxAttempts: 3 }));
		expect(isProviderApiError(unsafe, 'outcomeUnknown')).toBe(true);
		expect(requests('/contacts/upsert')).toHaveLength(1);

		const repeated = await failureOf(upsertContact(ctx, connection, { email: 'once@example.com' }, true, { maxAttempts: 3 }));
		expect(isProviderApiError(repeated, 'network')).toBe(true);
		expect(requests('/contacts/upsert')).toHaveLength(4);
		// Three more sends of the same email, and still one contact: the repeats were harmless.
		expect(store().contacts.list()).toHaveLength(1);
	});

	it('reads the duplicate setting, and takes an unreadable location as allowing duplicates', async () => {
		const { ctx, connection } = await connected();
		expect(await allowsDuplicateContacts(ctx, connection)).toBe(false);
		store().location.settings.allowDuplicateContact = true;
		expect(await allowsDuplicateContacts(ctx, connection)).toBe(true);
		const wrong = await connected('pit-wrong-token');
		expect(await allowsDuplicateContacts(wrong.ctx, wrong.connection)).toBeUndefined();
	});

	it('names a search text over 75 characters (characters, not UTF-16 units) and passes 75', () => {
		expect(searchTextProblem('query', 'q'.repeat(76))).toEqual({
			field: 'query',
			message: 'the query is 76 characters long: HighLevel searches contacts by at most 75',
		});
		expect(searchTextProblem('query', 'q'.repeat(75))).toBeUndefined();
		expect(searchTextProblem('query', '\u{1F600}'.repeat(75))).toBeUndefined();
		expect(searchTextProblem('query', undefined)).toBeUndefined();
		expect(
			contactSearchProblem({
				query: 'short',
				filters: [
					{ field: 'tags', operator: 'eq', value: 'ok' },
					{ field: 'email', operator: 'eq', value: 'e'.repeat(90) },
				],
			}),
		).toEqual({
			field: 'filters.1.value',
			message: 'the filters.1.value is 90 characters long: HighLevel searches contacts by at most 75',
		});
	});

	it('refuses a search HighLevel would refuse before sending anything', async () => {
		const { ctx, connection } = await connected();
		await expect(searchContacts(ctx, connection, { query: 'q'.repeat(76) })).rejects.toThrow(
			'GoHighLevel: the query is 76 characters long: HighLevel searches contacts by at most 75',
		);
		await expect(searchContacts(ctx, connection, { filters: [{ field: 'email', operator: 'eq', value: 'e'.repeat(76) }] })).rejects.toThrow(
			RangeError,
		);
		expect(requests('/contacts/search')).toHaveLength(0);
		expect(await searchContacts(ctx, connection, { query: 'q'.repeat(75) })).toEqual([]);
		expect(requests('/contacts/search')).toHaveLength(1);
	});

	it('the sandbox refuses what UpdateContactDto lacks, as HighLevel does: a companyName on update is a 422', async () => {
		const { ctx, connection } = await connected();
		const { contact } = await upsertContact(ctx, connection, { email: 'co@example.com', companyName: 'Upsert Co' }, true);
		const refused = await failureOf(updateContact(ctx, connection, String(contact.id), { companyName: 'Update Co' }, { maxAttempts: 1 }));
		expect(refused).toMatchObject({ message: expect.stringContaining('property companyName should not exist') });
		expect(isProviderApiError(refused)).toBe(true);
		expect(requests(`/contacts/${String(contact.id)}`).map((entry) => entry.status)).toEqual([422]);
		expect(await updateContact(ctx, connection, String(contact.id), { city: 'Leeds' })).toMatchObject({
			companyName: 'Upsert Co',
			city: 'Leeds',
		});
	});

	it('needs a Location ID in the credential', async () => {
		const ctx = providerContext('b2bGoHighLevelApi', {
			baseUrl: sandbox().baseUrl('goHighLevelV2'),
			privateIntegrationToken,
			locationId: ' ',
		});
		await expect(connect(ctx, 'privateIntegrationToken')).rejects.toThrow('GoHighLevel: the credential has no Location ID');
	});
});

describe('GoHighLevel opportunities', () => {
	it("the sandbox refuses a source on create and on update, as HighLevel's CreateDto and UpdateOpportunityDto have none", async () => {
		sandbox().seed('goHighLevel', { contacts: [{ email: 'buyer@example.com' }] });
		const contactId = store().contacts.list()[0].id;
		const pipelineId = store().pipelines[0].id;
		const { ctx, connection } = await connected();
		const deal = { contactId, name: 'Deal', pipelineId, status: 'open' };
		const created = await failureOf(createOpportunity(ctx, connection, { ...deal, source: 'Apollo' }, { maxAttempts: 1 }));
		expect(created).toMatchObject({ message: expect.stringContaining('property source should not exist') });
		expect(store().opportunities.list()).toHaveLength(0);
		const opportunity = await createOpportunity(ctx, connection, deal);
		expect(opportunity).toMatchObject({ name: 'Deal', contactId });
		const updated = await failureOf(updateOpportunity(ctx, connection, String(opportunity.id), { source: 'x' }, { maxAttempts: 1 }));
		expect(updated).toMatchObject({ message: expect.stringContaining('property source should not exist') });
	});

	it('follows the startAfter cursor, asking only for what the limit still needs', async () => {
		sandbox().seed('goHighLevel', { contacts: [{ email: 'buyer@example.com' }] });
		const contactId = store().contacts.list()[0].id;
		const pipelineId = store().pipelines[0].id;
		sandbox().seed('goHighLevel', {
			opportunities: Array.from({ length: 150 }, (_, n) => ({ name: `Deal ${n}`, pipelineId, status: 'open', contactId })),
		});
		const { ctx, connection } = await connected();
		expect(await searchOpportunities(ctx, connection, {}, 120)).toHaveLength(120);
		expect(requests('/opportunities/search').map((entry) => entry.query.limit)).toEqual(['100', '20']);
		expect(requests('/opportunities/search')[1].query).toMatchObject({
			location_id: locationId,
			startAfterId: expect.any(String),
			startAfter: expect.any(String),
		});
	});
});

describe('GoHighLevel times and free slots', () => {
	it('reads a wall time without an offset in the zone given, across daylight saving time; other values name their own instant', () => {
		expect(new Date(toInstant('2030-01-07T09:00:00', 'America/Chicago') as number).toISOString()).toBe('2030-01-07T15:00:00.000Z');
		expect(new Date(toInstant('2030-07-08T09:00', 'America/Chicago') as number).toISOString()).toBe('2030-07-08T14:00:00.000Z');
		expect(new Date(toInstant('2030-01-07', 'Asia/Kolkata') as number).toISOString()).toBe('2030-01-06T18:30:00.000Z');
		// 02:30 does not exist the night clocks go forward: it moves forward with them, to 03:30 CDT.
		expect(new Date(toInstant('2030-03-10T02:30:00', 'America/Chicago') as number).toISOString()).toBe('2030-03-10T08:30:00.000Z');
		expect(new Date(toInstant('2030-03-31T02:30:00', 'Europe/Berlin') as number).toISOString()).toBe('2030-03-31T01:30:00.000Z');
		// 01:30 happens twice the night clocks go back: the first, still daylight time.
		expect(new Date(toInstant('2030-11-03T01:30:00', 'America/Chicago') as number).toISOString()).toBe('2030-11-03T06:30:00.000Z');
		expect(new Date(toInstant('2030-01-07 09:00:00.5', 'UTC') as number).toISOString()).toBe('2030-01-07T09:00:00.500Z');
		expect(toInstant('2030-01-07T09:00:00-06:00', 'Asia/Tokyo')).toBe(Date.parse('2030-01-07T15:00:00Z'));
		expect(toInstant('2030-01-07T15:00:00Z', 'Asia/Tokyo')).toBe(Date.parse('2030-01-07T15:00:00Z'));
		expect(toInstant(1_893_942_000_000, 'UTC')).toBe(1_893_942_000_000);
		expect(toInstant(new Date('2030-01-07T15:00:00Z'), 'UTC')).toBe(Date.parse('2030-01-07T15:00:00Z'));
		// A Luxon DateTime (what $now gives) prints as ISO 8601 with its offset.
		expect(toInstant({ toString: () => '2030-01-07T09:00:00.000-06:00' }, 'UTC')).toBe(Date.parse('2030-01-07T15:00:00Z'));
		expect(toInstant('next week', 'UTC')).toBeUndefined();
		expect(toInstant('', 'UTC')).toBeUndefined();
		expect(isTimeZone('America/Chicago')).toBe(true);
		expect(isTimeZone('Mars/Olympus')).toBe(false);
	});

	it('refuses a free-slot range HighLevel would refuse: the end not after the start, or past 31 days', () => {
		const start = Date.parse('2030-01-01T00:00:00Z');
		expect(freeSlotsRangeProblem(start, start + 31 * 86_400_000)).toBeUndefined();
		expect(freeSlotsRangeProblem(start, start + 31 * 86_400_000 + 1)).toEqual({
			field: 'endDate',
			message: 'the range is 32 days long: HighLevel gives free slots for at most 31',
		});
		expect(freeSlotsRangeProblem(start, start)).toEqual({ field: 'endDate', message: 'the end date is not after the start date' });
	});

	it('reads the free slots day by day from the date-keyed answer, traceId apart, and sends nothing for a refused range', async () => {
		const { ctx, connection } = await connected();
		const startDate = Date.parse('2030-01-07T21:00:00Z');
		const slots = await getFreeSlots(ctx, connection, 'calDiscoveryCall0001', {
			startDate,
			endDate: startDate + 86_400_000,
			timezone: 'UTC',
		});
		expect(slots).toEqual([
			{ date: '2030-01-07', startTime: '2030-01-07T21:00:00+00:00' },
			{ date: '2030-01-07', startTime: '2030-01-07T21:30:00+00:00' },
			...Array.from({ length: 14 }, (_, n) => ({
				date: '2030-01-08',
				startTime: `2030-01-08T${String(14 + Math.floor(n / 2)).padStart(2, '0')}:${n % 2 === 0 ? '00' : '30'}:00+00:00`,
			})),
		]);
		await expect(
			getFreeSlots(ctx, connection, 'calDiscoveryCall0001', { startDate, endDate: startDate + 40 * 86_400_000 }),
		).rejects.toThrow('GoHighLevel: the range is 40 days long');
		expect(requests('/free-slots')).toHaveLength(1);
	});
});
