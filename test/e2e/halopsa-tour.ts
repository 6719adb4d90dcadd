import { byId, idOf, tourWorkflow } from '../../scripts/e2e/tour';
import type { TourStep } from '../../scripts/e2e/tour';

const HALO = { b2bHaloPsaOAuth2Api: { id: 'b2bSandboxHaloPsa', name: 'HaloPSA (sandbox)' } };

const step = (name: string, parameters: Record<string, unknown>): TourStep => ({
	name,
	type: 'b2bHaloPsa',
	typeVersion: 2,
	parameters,
	credentials: HALO,
});

/** Get, Get Many, Update and Delete of the record `created` made, Get Many narrowed by `filters`. */
const readUpdateDelete = (
	resource: string,
	label: string,
	created: string,
	filters: Record<string, unknown>,
	updateFields: Record<string, unknown>,
): TourStep[] => [
	step(`Get ${label}`, { resource, operation: 'get', id: byId(idOf(created)) }),
	step(`Get ${label}s`, { resource, operation: 'getMany', returnAll: true, filters }),
	step(`Update ${label}`, { resource, operation: 'update', id: byId(idOf(created)), updateFields }),
	step(`Delete ${label}`, { resource, operation: 'delete', id: byId(idOf(created)) }),
];

const CLIENT = 'Create Client';
const client = () => byId(idOf(CLIENT));
const site = () => byId(idOf('Create Site'));

/** Tomorrow at `hour` UTC, as HaloPSA's dates are written. */
const tomorrowAt = (hour: number) => {
	const day = new Date(Date.now() + 24 * 3600_000);
	day.setUTCHours(hour, 0, 0, 0);
	return day.toISOString().slice(0, 19);
};

/**
 * Every HaloPSA operation the package added for actions, quotes, assets, contracts and appointments,
 * an opportunity with its sales fields, Other Fields (JSON) and a contact read as a Person, in one
 * run against one client the tour creates first.
 */
export function haloPsaTour(): { id: string } & Record<string, unknown> {
	return tourWorkflow('b2bHaloTour00001', 'E2E: every new HaloPSA operation', [
		step(CLIENT, { resource: 'client', operation: 'create', name: 'Tour Client Ltd', otherFields: '{"notes": "Met at the fair"}' }),
		step('Create Site', { resource: 'site', operation: 'create', name: 'Tour HQ', client_id: client() }),
		step('Create Contact', {
			resource: 'user',
			operation: 'create',
			client_id: client(),
			name: 'Tess Tour',
			additionalFields: { firstname: 'Tess', surname: 'Tour', emailaddress: 'tess.tour@tour.example', phonenumber: '+1 512 555 0199' },
		}),
		step('Create Opportunity', {
			resource: 'opportunity',
			operation: 'create',
			summary: 'Tour managed services',
			additionalFields: {
				client_id: client(),
				user_id: byId(idOf('Create Contact')),
				oppvalue: 5000,
				targetdate: tomorrowAt(0),
				oppconversionprobability: 60,
			},
		}),
		step('Add Action', {
			resource: 'action',
			operation: 'create',
			ticket_id: byId(idOf('Create Opportunity')),
			note: 'Called: interested',
		}),
		step('Get Actions', {
			resource: 'action',
			operation: 'getMany',
			ticket_id: byId(idOf('Create Opportunity')),
			returnAll: true,
			filters: {},
		}),
		step('Create Quote', {
			resource: 'quote',
			operation: 'create',
			client_id: client(),
			additionalFields: { title: 'Tour quote', ticket_id: byId(idOf('Create Opportunity')) },
		}),
		...readUpdateDelete('quote', 'Quote', 'Create Quote', { client_id: client() }, { title: 'Tour quote, revised' }),
		step('Create Asset', { resource: 'asset', operation: 'create', site_id: site(), additionalFields: { key_field: 'TOUR-PC-1' } }),
		...readUpdateDelete('asset', 'Asset', 'Create Asset', { site_id: site() }, { notes: 'Reimaged' }),
		step('Create Contract', { resource: 'contract', operation: 'create', client_id: client(), additionalFields: { ref: 'TOUR-MSA' } }),
		...readUpdateDelete('contract', 'Contract', 'Create Contract', { client_id: client() }, { periodchargeamount: 1200 }),
		step('Create Appointment', {
			resource: 'appointment',
			operation: 'create',
			subject: 'Tour kickoff',
			start_date: tomorrowAt(15),
			end_date: tomorrowAt(16),
			additionalFields: { client_id: client(), user_id: byId(idOf('Create Contact')) },
		}),
		...readUpdateDelete('appointment', 'Appointment', 'Create Appointment', { client_id: client() }, { subject: 'Tour kickoff, moved' }),
		step('Contact as Person', { resource: 'user', operation: 'get', id: byId(idOf('Create Contact')), output: 'person' }),
	]);
}
