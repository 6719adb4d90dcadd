import { clientKeyOf, findClient, indexClients, matchClients } from '../../../lib/destinations/haloPsa/sync/client-match';
import type { SyncInput } from '../../../lib/destinations/haloPsa/sync';

const CLIENTS = [
	{ id: 1, name: 'Acme Corp', website: 'https://www.acme.com/' },
	{ id: 2, name: 'Globex', website: '' },
	{ id: 3, name: 'Initech Ltd', website: 'initech.io', inactive: true },
	{ id: 4, name: 'acme corp', website: 'https://other.example' },
];

const person = (email?: string, companyName?: string): SyncInput => ({ person: { email, companyName, ids: {} } as SyncInput['person'] });

describe('client matching', () => {
	const index = indexClients(CLIENTS);

	it('indexes clients by domain and by name without legal suffixes, the first of each winning, inactive ones included', () => {
		expect(index.byDomain.get('acme.com')?.id).toBe(1);
		expect(index.byDomain.get('initech.io')?.id).toBe(3);
		expect(index.byName.get('acme')?.id).toBe(1);
		expect(index.byName.get('globex')?.id).toBe(2);
		expect(findClient(index, 'domain:initech.io')?.id).toBe(3);
		expect(findClient(index, 'name:globex')?.id).toBe(2);
		expect(findClient(index, 'domain:nowhere.example')).toBeUndefined();
		expect(clientKeyOf('acme.com', 'acme')).toBe('domain:acme.com');
		expect(clientKeyOf(undefined, 'acme')).toBe('name:acme');
		expect(clientKeyOf(undefined, undefined)).toBeUndefined();
	});

	it('matches by the work email domain first, then by the company name, whatever its case and spacing', () => {
		const { perItem, existing } = matchClients(
			index,
			[person('jane@ACME.com'), person(undefined, '  GLOBEX Inc. '), person('bob@initech.io')],
			'create',
		);
		expect(perItem).toEqual([{ key: 'id:1' }, { key: 'id:2' }, { key: 'id:3' }]);
		expect([...existing.keys()].sort()).toEqual(['id:1', 'id:2', 'id:3']);
	});

	it('plans one new client for items naming the same company, even when only one of them knows its domain', () => {
		const { perItem, wanted } = matchClients(index, [person(undefined, 'Hooli'), person('ann@hooli.xyz', 'Hooli')], 'create');
		expect(perItem).toEqual([{ key: 'domain:hooli.xyz' }, { key: 'domain:hooli.xyz' }]);
		expect(wanted.get('domain:hooli.xyz')).toEqual({ name: 'Hooli', website: 'https://hooli.xyz' });
		expect(wanted.size).toBe(1);
	});

	it('never takes a free-mail domain for a company', () => {
		const { perItem } = matchClients(index, [person('someone@gmail.com')], 'create');
		expect(perItem).toEqual([{ skipped: 'no company: give the company domain or name, or a work email' }]);
	});

	it('skips an unmatched item or sends it to the catch-all client, as configured, and still matches the others', () => {
		const inputs = [person('x@new.example'), person('jane@acme.com')];
		expect(matchClients(index, inputs, 'skip').perItem).toEqual([
			{ skipped: 'no matching client in HaloPSA (the sync is set to skip such items)' },
			{ key: 'id:1' },
		]);
		const catchAll = matchClients(index, inputs, 'catchAll');
		expect(catchAll.perItem).toEqual([{ key: 'catchAll' }, { key: 'id:1' }]);
		expect(catchAll.wanted.has('domain:new.example')).toBe(false);
	});
});
