import type { INodeParameters } from 'n8n-workflow';

import { B2bGoHighLevel } from '../../nodes/B2bGoHighLevel/B2bGoHighLevel.node';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import type { ApiName, GhlContact, Sandbox } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import { runWithSandbox } from './run';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => await sandbox.stop());

const node = new B2bGoHighLevel();
const { locationId } = SANDBOX_CREDENTIALS.goHighLevel;
const store = () => sandbox.state.goHighLevel.location(locationId);
type Auth = 'privateIntegrationToken' | 'sessionToken';
const API: Record<Auth, ApiName> = { privateIntegrationToken: 'goHighLevelV2', sessionToken: 'goHighLevelSession' };

const run = async (parameters: object, input: object[] = [{}], options: { continueOnFail?: boolean } = {}) =>
	await runWithSandbox(sandbox, node, parameters as INodeParameters, input as never, options);

/** The locator's value as the editor saves it: picked from the list, or typed (an expression) by ID. */
const fromList = (id: string) => ({ __rl: true, mode: 'list', value: id, cachedResultName: 'Some contact' });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const workflowId = '5b0d6f7e-1c3a-4e2b-9f4d-2a7c8e9b1d01';
const calendarId = 'calDiscoveryCall0001';
/** A Monday: the seeded calendar has 30-minute slots 14:00-22:00 UTC on weekdays. */
const MONDAY = '2030-01-07';

function seedContact(email = 'ada@example.com'): GhlContact {
	sandbox.seed('goHighLevel', { contacts: [{ email, firstName: 'Ada', lastName: 'Lovelace' }] });
	return store().contacts.find((contact) => contact.email === email) as GhlContact;
}

describe.each(['privateIntegrationToken', 'sessionToken'] as Auth[])(
	'GoHighLevel node with the %s credential: tasks, notes, workflows, calendar',
	(authentication) => {
		const api = API[authentication];
		const requests = (path: string | RegExp) =>
			sandbox
				.requests({ api })
				.filter((entry) => entry.path !== '/token/update' && (typeof path === 'string' ? entry.path === path : path.test(entry.path)));
		const op = (resource: string, operation: string, parameters: object = {}) => ({ authentication, resource, operation, ...parameters });

		it('creates, lists, updates, completes and deletes a task, sending only the DTO properties', async () => {
			const contact = seedContact();
			const [created] = await run(
				op('task', 'create', {
					contactId: fromList(contact.id),
					title: 'Call back',
					dueDate: '2030-01-07T09:00:00',
					additionalFields: { body: 'About the renewal', assignedTo: '' },
				}),
			);
			// The date picker's wall time, in the workflow's timezone (n8n's default, America/New_York).
			expect(created.json).toMatchObject({
				title: 'Call back',
				dueDate: '2030-01-07T14:00:00.000Z',
				completed: false,
				contactId: contact.id,
			});
			expect(requests(`/contacts/${contact.id}/tasks`).map((entry) => entry.body)).toEqual([
				{ body: 'About the renewal', title: 'Call back', dueDate: '2030-01-07T14:00:00.000Z', completed: false },
			]);
			const taskId = created.json.id as string;

			const [updated] = await run(
				op('task', 'update', {
					contactId: byId(contact.id),
					taskId,
					updateFields: { title: 'Call back Monday', dueDate: '2030-01-08T10:00:00Z' },
				}),
			);
			expect(updated.json).toMatchObject({ id: taskId, title: 'Call back Monday', dueDate: '2030-01-08T10:00:00.000Z' });
			expect(requests(`/contacts/${contact.id}/tasks/${taskId}`).at(-1)?.body).toEqual({
				title: 'Call back Monday',
				dueDate: '2030-01-08T10:00:00.000Z',
			});

			const [done] = await run(op('task', 'complete', { contactId: byId(contact.id), taskId }));
			expect(done.json).toMatchObject({ id: taskId, completed: true });
			expect(requests(`/contacts/${contact.id}/tasks/${taskId}/completed`).map((entry) => [entry.method, entry.body])).toEqual([
				['PUT', { completed: true }],
			]);
			const [reopened] = await run(op('task', 'complete', { contactId: byId(contact.id), taskId, completed: false }));
			expect(reopened.json.completed).toBe(false);

			await run(op('task', 'create', { contactId: byId(contact.id), title: 'Second', dueDate: '2030-01-09T10:00:00Z' }));
			expect(await run(op('task', 'getMany', { contactId: byId(contact.id), returnAll: true }))).toHaveLength(2);
			const limited = await run(op('task', 'getMany', { contactId: byId(contact.id), returnAll: false, limit: 1 }));
			expect(limited.map((item) => item.json.id)).toEqual([taskId]);

			expect((await run(op('task', 'delete', { contactId: byId(contact.id), taskId })))[0].json).toEqual({
				deleted: true,
				id: taskId,
				contactId: contact.id,
			});
			expect(
				store()
					.tasks.list()
					.map((task) => task.title),
			).toEqual(['Second']);
		});

		it('fails a task item without a title, a due date or a contact, naming it, and creates none unless continuing on failure', async () => {
			const contact = seedContact();
			const create = op('task', 'create', {
				contactId: '={{ $json.contact }}',
				title: '={{ $json.title }}',
				dueDate: '={{ $json.due }}',
			});
			const items = [
				{ contact: contact.id, title: '', due: '2030-01-07T15:00:00Z' },
				{ contact: contact.id, title: 'No date', due: '' },
				{ contact: '', title: 'No contact', due: '2030-01-07T15:00:00Z' },
				{ contact: contact.id, title: 'Bad date', due: 'next week' },
				{ contact: contact.id, title: 'Good', due: '2030-01-07T15:00:00Z' },
			];
			await expect(run(create, items)).rejects.toMatchObject({
				message: 'Item 0: title is required: HighLevel names every task',
				description: expect.stringContaining('Check the "title" field of item 0'),
			});
			expect(store().tasks.list()).toHaveLength(0);

			const output = await run(create, items, { continueOnFail: true });
			expect(output.map((item) => item.json.error ?? item.json.title)).toEqual([
				'Item 0: title is required: HighLevel names every task',
				'Item 1: no due date given',
				'Item 2: no contact ID given',
				'Item 3: the due date "next week" is not a date and time',
				'Good',
			]);
			expect(requests(/\/tasks$/)).toHaveLength(1);
		});

		it("answers HighLevel's 404 for an unknown contact or task as that item's error, and goes on under continue-on-fail", async () => {
			const contact = seedContact();
			await expect(run(op('task', 'getMany', { contactId: byId('nope'), returnAll: true }))).rejects.toThrow(
				/^GoHighLevel: Contact not found \(HTTP 404\) \[item 0\]/,
			);
			const output = await run(
				op('task', 'complete', { contactId: byId(contact.id), taskId: '={{ $json.task }}' }),
				[{ task: 'missing-task' }, { task: '' }],
				{ continueOnFail: true },
			);
			expect(output.map((item) => item.json.error)).toEqual([
				'GoHighLevel: Task not found (HTTP 404) [item 0]',
				'Item 1: no task ID given',
			]);
			const update = await run(op('task', 'update', { contactId: byId(contact.id), taskId: 'x', updateFields: {} }), [{}], {
				continueOnFail: true,
			});
			expect(update[0].json.error).toBe('Item 0: nothing to update: add a field under Update Fields');
			const deleted = await run(op('task', 'delete', { contactId: byId(contact.id), taskId: 'gone' }), [{}], { continueOnFail: true });
			expect(deleted[0].json.error).toBe('GoHighLevel: Task not found (HTTP 404) [item 0]');
			const removed = await run(
				op('workflow', 'removeContact', { workflowId, contactId: byId('={{ $json.contact }}') }),
				[{ contact: 'nope' }, { contact: contact.id }],
				{ continueOnFail: true },
			);
			expect(removed.map((item) => item.json.error ?? item.json.removed)).toEqual([
				'GoHighLevel: Contact not found (HTTP 404) [item 0]',
				true,
			]);
		});

		it('adds notes and gets them; a note without a body or for an unknown contact fails its item', async () => {
			const contact = seedContact();
			const added = await run(
				op('note', 'add', {
					contactId: byId('={{ $json.contact }}'),
					body: '={{ $json.body }}',
					additionalFields: { userId: 'user-sandbox-0001' },
				}),
				[
					{ contact: contact.id, body: 'Met at the fair' },
					{ contact: contact.id, body: ' ' },
					{ contact: 'nope', body: 'Lost' },
					{ contact: contact.id, body: 'Sent the deck' },
				],
				{ continueOnFail: true },
			);
			expect(added.map((item) => item.json.error ?? item.json.body)).toEqual([
				'Met at the fair',
				'Item 1: body is required: a note is its text',
				'GoHighLevel: Contact not found (HTTP 404) [item 2]',
				'Sent the deck',
			]);
			expect(requests(`/contacts/${contact.id}/notes`).map((entry) => entry.body)).toEqual([
				{ userId: 'user-sandbox-0001', body: 'Met at the fair' },
				{ userId: 'user-sandbox-0001', body: 'Sent the deck' },
			]);
			const notes = await run(op('note', 'getMany', { contactId: fromList(contact.id), returnAll: true }));
			expect(notes.map((item) => item.json.body)).toEqual(['Met at the fair', 'Sent the deck']);
			expect(await run(op('note', 'getMany', { contactId: fromList(contact.id), returnAll: false, limit: 1 }))).toHaveLength(1);
		});

		it('adds a contact to a workflow with an event start time and removes it; an unknown workflow or none fails the item', async () => {
			const contact = seedContact();
			const [added] = await run(
				op('workflow', 'addContact', { workflowId, contactId: byId(contact.id), options: { eventStartTime: '2030-01-07T15:00:00+01:00' } }),
			);
			expect(added.json).toEqual({ added: true, contactId: contact.id, workflowId });
			expect(requests(`/contacts/${contact.id}/workflow/${workflowId}`).map((entry) => entry.body)).toEqual([
				{ eventStartTime: '2030-01-07T14:00:00.000Z' },
			]);
			expect(store().enrollments.get(workflowId)).toEqual(new Set([contact.id]));

			const failed = await run(
				op('workflow', 'addContact', { workflowId: '={{ $json.workflow }}', contactId: byId(contact.id) }),
				[{ workflow: 'wf-unknown' }, { workflow: '' }],
				{ continueOnFail: true },
			);
			expect(failed.map((item) => item.json.error)).toEqual([
				'GoHighLevel: Workflow not found (HTTP 404) [item 0]',
				'Item 1: no workflow given',
			]);

			const [removed] = await run(op('workflow', 'removeContact', { workflowId, contactId: byId(contact.id) }));
			expect(removed.json).toEqual({ removed: true, contactId: contact.id, workflowId });
			expect(store().enrollments.get(workflowId)).toEqual(new Set());
		});

		it('gets free slots one item each, in the timezone asked for; refuses a range over 31 days or an unknown zone unsent', async () => {
			const slots = await run(
				op('calendar', 'getFreeSlots', {
					calendarId,
					startDate: `${MONDAY}T00:00:00Z`,
					endDate: `${MONDAY}T16:00:00Z`,
					options: { timezone: 'America/Chicago' },
				}),
			);
			expect(slots.map((item) => item.json)).toEqual([
				{ calendarId, date: MONDAY, startTime: `${MONDAY}T08:00:00-06:00` },
				{ calendarId, date: MONDAY, startTime: `${MONDAY}T08:30:00-06:00` },
				{ calendarId, date: MONDAY, startTime: `${MONDAY}T09:00:00-06:00` },
				{ calendarId, date: MONDAY, startTime: `${MONDAY}T09:30:00-06:00` },
			]);
			expect(requests(`/calendars/${calendarId}/free-slots`).map((entry) => entry.query)).toEqual([
				{
					startDate: String(Date.parse(`${MONDAY}T00:00:00Z`)),
					endDate: String(Date.parse(`${MONDAY}T16:00:00Z`)),
					timezone: 'America/Chicago',
				},
			]);

			const failed = await run(
				op('calendar', 'getFreeSlots', {
					calendarId: '={{ $json.calendar }}',
					startDate: '={{ $json.start }}',
					endDate: '={{ $json.end }}',
					options: { timezone: '={{ $json.zone }}' },
				}),
				[
					{ calendar: calendarId, start: '2030-01-01T00:00:00Z', end: '2030-02-05T00:00:00Z', zone: '' },
					{ calendar: calendarId, start: '2030-01-02T00:00:00Z', end: '2030-01-01T00:00:00Z', zone: '' },
					{ calendar: calendarId, start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z', zone: 'Mars/Olympus' },
					{ calendar: 'calNope', start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z', zone: '' },
				],
				{ continueOnFail: true },
			);
			expect(failed.map((item) => item.json.error)).toEqual([
				'Item 0: the range is 35 days long: HighLevel gives free slots for at most 31',
				'Item 1: the end date is not after the start date',
				'Item 2: "Mars/Olympus" is not an IANA timezone such as America/Chicago',
				'GoHighLevel: Calendar not found (HTTP 404) [item 3]',
			]);
			expect(requests(/free-slots$/)).toHaveLength(2);
		});

		it('books a free slot for a contact; a taken slot, no start or an end before the start fails the item', async () => {
			const contact = seedContact();
			const [slot] = await run(
				op('calendar', 'getFreeSlots', { calendarId, startDate: `${MONDAY}T00:00:00Z`, endDate: `${MONDAY}T23:59:00Z` }),
			);
			const book = op('calendar', 'bookAppointment', {
				calendarId,
				contactId: byId(contact.id),
				startTime: '={{ $json.startTime }}',
				additionalFields: { title: 'Discovery call', appointmentStatus: 'confirmed', toNotify: false },
			});
			const [booked] = await run(book, [slot.json]);
			expect(booked.json).toMatchObject({
				id: expect.any(String),
				calendarId,
				contactId: contact.id,
				title: 'Discovery call',
				startTime: `${MONDAY}T14:00:00.000Z`,
				endTime: `${MONDAY}T14:30:00.000Z`,
			});
			expect(requests('/calendars/events/appointments').map((entry) => entry.body)).toEqual([
				{
					title: 'Discovery call',
					appointmentStatus: 'confirmed',
					toNotify: false,
					calendarId,
					contactId: contact.id,
					startTime: `${MONDAY}T14:00:00.000Z`,
					locationId,
				},
			]);

			const failed = await run(
				{ ...book, additionalFields: { endTime: '={{ $json.end }}' } },
				[
					{ startTime: slot.json.startTime },
					{ startTime: '' },
					{ startTime: `${MONDAY}T15:00:00Z`, end: `${MONDAY}T14:00:00Z` },
					{ startTime: `${MONDAY}T15:00:00Z`, end: `${MONDAY}T15:30:00Z` },
				],
				{ continueOnFail: true },
			);
			expect(failed.map((item) => item.json.error ?? item.json.startTime)).toEqual([
				'GoHighLevel: The slot you have selected is no longer available. (HTTP 400) [item 0]',
				'Item 1: no start time given',
				'Item 2: the end time is not after the start time',
				`${MONDAY}T15:00:00.000Z`,
			]);
			expect(store().appointments.list()).toHaveLength(2);
		});
	},
);
