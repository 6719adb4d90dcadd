import { listAll, personRecordFromItem, upsertLeads } from '../../lib/destinations/thrio';
import { isProviderApiError } from '../../lib/transport';
import { useSandbox } from '../credentials-flow/flow';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { providerContext } from '../harness/transport-context';

const sandbox = useSandbox();
const { username, password } = SANDBOX_CREDENTIALS.thrio;
const context = () => providerContext('b2bThrioApi', { loginUrl: sandbox().baseUrl('thrioLogin'), username, password });
const requests = (path: string) => sandbox().requests({ api: 'thrioCluster', pathIncludes: path });
const LIST = '0000000000000000000000a1';

describe('Thrio mapping', () => {
	it('takes the direct line, then the mobile, then the work phone, with the name, email and employer', () => {
		const person = {
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ADA@acme.com',
			companyName: 'Acme',
			phones: [
				{ number: '+1 512 555 0100', type: 'work' },
				{ number: '+1 512 555 0102', type: 'mobile' },
			],
		};
		expect(personRecordFromItem({ person, company: { name: 'Acme Inc' } })).toEqual({
			phone: '+1 512 555 0102',
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@acme.com',
			company: 'Acme',
		});
		expect(
			personRecordFromItem({ person: { ...person, phones: [...person.phones, { number: '+1 512 555 0101', type: 'direct' }] } }).phone,
		).toBe('+1 512 555 0101');
		expect(personRecordFromItem({ phone: '415-555-0100', first_name: 'Bo', company_name: 'Li Co' })).toEqual({
			phone: '415-555-0100',
			firstName: 'Bo',
			company: 'Li Co',
		});
		expect(personRecordFromItem({ person: { phones: 'not a list' } })).toEqual({});
	});
});

describe('Thrio data lists', () => {
	it('pages by what came back, so a server serving fewer rows than asked is still read to the end', async () => {
		sandbox().seed('thrio', { contact: Array.from({ length: 2500 }, (_, n) => ({ firstName: `C${n}` })) });
		// The sandbox serves at most 1,000 rows whatever is asked.
		const found = await listAll(context(), 'contact', undefined, Infinity, { pageSize: 1500 });
		expect(new Set(found.map((contact) => contact.id)).size).toBe(2500);
		expect(requests('/types/contact').map((entry) => entry.query)).toEqual([
			{ rows: '1500', start: '0' },
			{ rows: '1500', start: '1000' },
			{ rows: '1500', start: '2000' },
		]);
	});
});

describe('Thrio leads upsert', () => {
	const leads = (n: number) => Array.from({ length: n }, (_, index) => ({ phone: `+1512555${String(index).padStart(4, '0')}` }));
	const calls = () => requests('/leadsupsert').map((entry) => [(entry.body as unknown[]).length, entry.status]);

	it("a lead Thrio refuses fails alone with Thrio's message; the other leads of its call are stored", async () => {
		const sent = leads(10);
		// Thrio checks every lead of a call: one without a phone refuses the whole call, so it is halved.
		delete (sent[6] as { phone?: string }).phone;
		const outcomes = await upsertLeads(context(), LIST, sent);
		expect(calls()).toEqual([
			[10, 400],
			[5, 200],
			[5, 400],
			[3, 400],
			[2, 400],
			[1, 200],
			[1, 400],
			[1, 200],
			[2, 200],
		]);
		expect(outcomes.map((outcome, index) => ('error' in outcome ? index : -1)).filter((index) => index >= 0)).toEqual([6]);
		const error = (outcomes[6] as { error: Error }).error;
		expect(isProviderApiError(error, 'invalidRequest')).toBe(true);
		expect(error.message).toBe('Thrio: Each lead needs a phone (HTTP 400)');
		expect((outcomes[7] as { lead: { phone: string } }).lead.phone).toBe('+15125550007');
		expect(sandbox().state.thrio.leads.get(LIST)!.size).toBe(9);
	});

	it('halves a call refused as too large (413) until Thrio takes it: 600 leads against 100 a call, all stored', async () => {
		sandbox().configure({ thrio: { maxLeadsPerUpsert: 100 } });
		const outcomes = await upsertLeads(context(), LIST, leads(600));
		expect(outcomes.every((outcome) => 'lead' in outcome)).toBe(true);
		expect(outcomes.map((outcome) => (outcome as { lead: { phone: string } }).lead.phone)).toEqual(leads(600).map((lead) => lead.phone));
		const quarter = [
			[125, 413],
			[63, 200],
			[62, 200],
		];
		expect(calls()).toEqual([[500, 413], [250, 413], ...quarter, ...quarter, [250, 413], ...quarter, ...quarter, [100, 200]]);
		expect(sandbox().state.thrio.leads.get(LIST)!.size).toBe(600);
	});

	it('sends 500 leads a call unless asked otherwise, and never more than 1,000, whatever batch size is asked', async () => {
		await upsertLeads(context(), LIST, leads(1200));
		await upsertLeads(context(), LIST, leads(1500), 5000);
		expect(requests('/leadsupsert').map((entry) => (entry.body as unknown[]).length)).toEqual([500, 500, 200, 1000, 500]);
	});

	it('a call refused for a reason its halves share fails its own leads, not halved; the next call still goes', async () => {
		const outcomes = await upsertLeads(context(), 'no-such-list', leads(3), 2);
		expect(calls()).toEqual([
			[2, 404],
			[1, 404],
		]);
		expect(outcomes.map((outcome) => ('error' in outcome ? outcome.error.message : 'stored'))).toEqual(
			Array.from({ length: 3 }, () => 'Thrio: Outbound list no-such-list not found (HTTP 404)'),
		);
	});
});
