import { byId, idOf, tourWorkflow } from '../../scripts/e2e/tour';
import type { TourStep } from '../../scripts/e2e/tour';

const GHL = { b2bGoHighLevelApi: { id: 'b2bSandboxGhlV2', name: 'GoHighLevel v2 (sandbox)' } };

/** The sandbox's seeded calendar (30-minute slots, weekdays 14:00-22:00 UTC) and workflow. */
export const GHL_TOUR_CALENDAR_ID = 'calDiscoveryCall0001';
export const GHL_TOUR_WORKFLOW_ID = '5b0d6f7e-1c3a-4e2b-9f4d-2a7c8e9b1d01';

export const GHL_TOUR_STEPS = [
	'Upsert Tour Contact',
	'Create Task',
	'Get Tasks',
	'Update Task',
	'Complete Task',
	'Delete Task',
	'Add Note',
	'Get Notes',
	'Get Free Slots',
	'Book Appointment',
	'Add to Workflow',
	'Remove from Workflow',
] as const;

type StepName = (typeof GHL_TOUR_STEPS)[number];

const step = (name: StepName, parameters: Record<string, unknown>): TourStep => ({
	name,
	type: 'b2bGoHighLevel',
	typeVersion: 2,
	parameters: { authentication: 'privateIntegrationToken', ...parameters },
	credentials: GHL,
});

// Upsert answers `{action, new, contact}`: the contact's ID is nested.
const contact = () => byId(idOf('Upsert Tour Contact', 'contact.id'));
const task = () => idOf('Create Task');

/** `days` days from now at `hour`:00 UTC, with its offset so n8n's workflow timezone does not move it. */
const daysAheadAt = (days: number, hour: number) => {
	const day = new Date(Date.now() + days * 86_400_000);
	day.setUTCHours(hour, 0, 0, 0);
	return day.toISOString();
};

export function goHighLevelTour(): { id: string } & Record<string, unknown> {
	return tourWorkflow('b2bGhlTour000001', 'E2E: every new GoHighLevel operation', [
		step('Upsert Tour Contact', {
			resource: 'contact',
			operation: 'upsert',
			inputMode: 'define',
			email: 'tess.tour@tour.example',
			phone: '+15125550199',
			additionalFields: { firstName: 'Tess', lastName: 'Tour' },
		}),
		step('Create Task', {
			resource: 'task',
			operation: 'create',
			contactId: contact(),
			title: 'Call Tess back',
			dueDate: daysAheadAt(1, 15),
		}),
		step('Get Tasks', { resource: 'task', operation: 'getMany', contactId: contact(), returnAll: true }),
		step('Update Task', {
			resource: 'task',
			operation: 'update',
			contactId: contact(),
			taskId: task(),
			updateFields: { title: 'Call Tess back, revised' },
		}),
		step('Complete Task', { resource: 'task', operation: 'complete', contactId: contact(), taskId: task(), completed: true }),
		step('Delete Task', { resource: 'task', operation: 'delete', contactId: contact(), taskId: task() }),
		step('Add Note', { resource: 'note', operation: 'add', contactId: contact(), body: 'Met Tess on the tour' }),
		step('Get Notes', { resource: 'note', operation: 'getMany', contactId: contact(), returnAll: true }),
		// Seven days from tomorrow always hold weekdays, and every slot in them is still ahead of the sandbox's clock.
		step('Get Free Slots', {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: GHL_TOUR_CALENDAR_ID,
			startDate: daysAheadAt(1, 0),
			endDate: daysAheadAt(8, 0),
		}),
		step('Book Appointment', {
			resource: 'calendar',
			operation: 'bookAppointment',
			calendarId: GHL_TOUR_CALENDAR_ID,
			contactId: contact(),
			// first(), not item: the earliest slot whatever the pairing says.
			startTime: "={{ $('Get Free Slots').first().json.startTime }}",
			additionalFields: { title: 'Tour discovery call' },
		}),
		step('Add to Workflow', { resource: 'workflow', operation: 'addContact', workflowId: GHL_TOUR_WORKFLOW_ID, contactId: contact() }),
		step('Remove from Workflow', {
			resource: 'workflow',
			operation: 'removeContact',
			workflowId: GHL_TOUR_WORKFLOW_ID,
			contactId: contact(),
		}),
	]);
}
