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
	it('chunks at the batch size; a chunk Thrio refuses fails its own leads only', async () => {
		const leads = Array.from({ length: 2001 }, (_, n) => ({ phone: `+1512555${String(n).padStart(4, '0')}` }));
		// Thrio checks every lead of a call: one without a phone refuses the whole second chunk.
		delete (leads[1500] as { phone?: string }).phone;
		const outcomes = await upsertLeads(context(), LIST, leads, 1000);
		expect(requests('/leadsupsert').map((entry) => [(entry.body as unknown[]).length, entry.status])).toEqual([
			[1000, 200],
			[1000, 400],
			[1, 200],
		]);
		const failed = outcomes.map((outcome, index) => ('error' in outcome ? index : -1)).filter((index) => index >= 0);
		expect(failed).toEqual(Array.from({ length: 1000 }, (_, n) => 1000 + n));
		const error = (outcomes[1000] as { error: Error }).error;
		expect(isProviderApiError(error, 'invalidRequest')).toBe(true);
		expect(error.message).toBe('Thrio: Each lead needs a phone (HTTP 400)');
		expect((outcomes[2000] as { lead: { phone: string } }).lead.phone).toBe('+15125552000');
		expect(sandbox().state.thrio.leads.get(LIST)!.size).toBe(1001);
	});

	it('never sends more than 1,000 leads in one call, whatever batch size is asked', async () => {
		await upsertLeads(
			context(),
			LIST,
			Array.from({ length: 1500 }, (_, n) => ({ phone: String(n) })),
			5000,
		);
		expect(requests('/leadsupsert').map((entry) => (entry.body as unknown[]).length)).toEqual([1000, 500]);
	});
});
