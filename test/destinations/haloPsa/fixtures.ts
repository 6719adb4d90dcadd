import { normalizeName } from '../../../lib/normalize';
import type { SyncInput, SyncSettings } from '../../../lib/destinations/haloPsa/sync';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/defaults';
import type { FixturePerson } from '../../../sandbox/fixtures';
import type { Sandbox } from '../../../sandbox/server';
import { providerContext } from '../../harness/transport-context';

export function haloContext(sandbox: Sandbox) {
	const { clientId, clientSecret, tenant } = SANDBOX_CREDENTIALS.haloPsa;
	return providerContext('b2bHaloPsaOAuth2Api', {
		grantType: 'clientCredentials',
		hostingType: 'hosted',
		baseUrl: sandbox.baseUrl('haloPsa'),
		tenant,
		clientId,
		clientSecret,
		scope: 'all',
	});
}

export const SETTINGS: SyncSettings = {
	whenNoClient: 'create',
	fieldPolicy: 'fillEmpty',
	updatableFields: ['name', 'website', 'firstname', 'surname', 'phonenumber', 'mobilenumber', 'jobtitle'],
	inactiveRecords: 'leave',
	batchSize: 50,
	dryRun: false,
};

/** A fixture person as the enrichment nodes output them. */
export function asSyncInput(sandbox: Sandbox, person: FixturePerson): SyncInput {
	const company = sandbox.fixtures.company(person.companyId)!;
	return {
		person: {
			firstName: person.firstName,
			lastName: person.lastName,
			email: person.email ?? undefined,
			title: person.title,
			phones: person.phone ? [{ number: person.phone, type: 'work' }] : undefined,
		},
		company: { name: company.name, domain: company.domain, website: `https://${company.domain}` },
	};
}

/** Fixture people with an email and a name unique at their company. */
export function syncablePeople(sandbox: Sandbox, count: number): FixturePerson[] {
	return sandbox.fixtures.people.filter((person) => person.email !== null).slice(0, count);
}

export function distinctCompanies(people: FixturePerson[]): number {
	return new Set(people.map((person) => person.companyId)).size;
}

/** HaloPSA API requests by method and entity, token requests apart. */
export function haloRequests(sandbox: Sandbox, since = 0) {
	const entries = sandbox.requests({ provider: 'haloPsa' }).filter((entry) => entry.seq > since);
	const count = (method: string, entity: string) =>
		entries.filter((entry) => entry.method === method && entry.path.replace(/^\/api/, '').split('/')[1] === entity).length;
	return {
		total: entries.filter((entry) => entry.path.startsWith('/api')).length,
		tokens: entries.filter((entry) => entry.path.includes('/auth/token')).length,
		count,
		last: entries.length > 0 ? entries[entries.length - 1].seq : since,
	};
}

export const clientNames = (sandbox: Sandbox) =>
	(sandbox.dumpState('haloPsa') as { clients: Array<{ name: string }> }).clients.map((client) => normalizeName(client.name));
