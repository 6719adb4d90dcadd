/**
 * What hangs off a HighLevel contact besides its fields, on both APIs: tasks and notes
 * (`/contacts/{id}/tasks`, `/notes`), workflow membership (`/contacts/{id}/workflow/{workflowId}`),
 * and the calendar: free slots (`/calendars/{id}/free-slots`) and booking
 * (`/calendars/events/appointments`). Bodies and queries are checked against HighLevel's DTOs
 * (GoHighLevel/highlevel-api-docs `apps/contacts.json`, `apps/calendars.json`, `apps/workflows.json`).
 */
import {
	found,
	refuseExtraProperties,
	validationError,
	type GhlAppointment,
	type GhlCalendar,
	type GhlTask,
	type LocationStore,
} from './gohighlevel-store';
import { HttpError, json, optString, type Reply } from './http-util';
import type { Handler, RequestContext, Router } from './router';

export type GhlHandler = (ctx: RequestContext, store: LocationStore, body: Record<string, unknown>) => Reply;

/** `CreateTaskParams` and `UpdateTaskBody`. */
const TASK_FIELDS = ['title', 'body', 'dueDate', 'completed', 'assignedTo'];
const TASK_REQUIRED = ['title', 'dueDate', 'completed'];
/** `NotesDTO`. */
const NOTE_FIELDS = ['userId', 'body'];
/** `CreateWorkflowDto`. */
const WORKFLOW_FIELDS = ['eventStartTime'];
/** `AppointmentCreateSchema`. */
const APPOINTMENT_FIELDS = [
	'title',
	'meetingLocationType',
	'meetingLocationId',
	'overrideLocationConfig',
	'appointmentStatus',
	'assignedUserId',
	'description',
	'address',
	'ignoreDateRange',
	'toNotify',
	'ignoreFreeSlotValidation',
	'rrule',
	'calendarId',
	'locationId',
	'contactId',
	'startTime',
	'endTime',
];
const BOOKING_FLAGS = ['ignoreDateRange', 'ignoreFreeSlotValidation', 'toNotify'];
const APPOINTMENT_STATUSES = ['new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid'];
const MEETING_LOCATION_TYPES = ['custom', 'zoom', 'gmeet', 'phone', 'address', 'ms_teams', 'google'];
const FREE_SLOTS_QUERY = ['startDate', 'endDate', 'timezone', 'userId', 'userIds'];
const MAX_SLOT_RANGE_MS = 31 * 86_400_000;
const MINUTE = 60_000;

const isIsoDate = (value: unknown) => typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value));

/** class-validator's wording for each property given with the wrong type; `required` ones must be there. */
function typeErrors(
	body: Record<string, unknown>,
	types: Record<string, 'string' | 'boolean' | 'date'>,
	required: string[] = [],
): string[] {
	const errors: string[] = [];
	for (const [field, type] of Object.entries(types)) {
		const value = body[field];
		if (value === undefined) {
			if (required.includes(field)) errors.push(type === 'string' ? `${field} should not be empty` : `${field} is required`);
		} else if (type === 'date' && !isIsoDate(value)) errors.push(`${field} must be a valid ISO 8601 date string`);
		else if (type === 'boolean' && typeof value !== 'boolean') errors.push(`${field} must be a boolean value`);
		else if (type === 'string' && typeof value !== 'string') errors.push(`${field} must be a string`);
		else if (type === 'string' && required.includes(field) && String(value).trim() === '') errors.push(`${field} should not be empty`);
	}
	return errors;
}

function checked(errors: string[]): void {
	if (errors.length > 0) throw validationError(errors);
}

const TASK_TYPES = { title: 'string', body: 'string', dueDate: 'date', completed: 'boolean', assignedTo: 'string' } as const;

function taskOf(store: LocationStore, contactId: string, taskId: string): GhlTask {
	const task = store.tasks.get(taskId);
	return found(task?.contactId === contactId ? task : undefined, 'Task');
}

/** `2024-10-28` and `2024-10-28T10:00:00-05:00`: an instant as HighLevel writes a slot in a zone. */
function inZone(instant: number, timeZone: string): { date: string; time: string } {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		timeZoneName: 'longOffset',
	}).formatToParts(new Date(instant));
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
	const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
	const date = `${part('year')}-${part('month')}-${part('day')}`;
	return { date, time: `${date}T${part('hour')}:${part('minute')}:${part('second')}${offset}` };
}

function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

const slotLength = (calendar: GhlCalendar) => calendar.slotDuration * MINUTE;

/** Slot starts in [from, to) by the calendar's open hours, whether booked or not. */
function* slotStarts(calendar: GhlCalendar, from: number, to: number): Generator<number> {
	const step = slotLength(calendar);
	for (let day = Math.floor(from / 86_400_000) * 86_400_000; day < to; day += 86_400_000) {
		const weekday = new Date(day).getUTCDay();
		for (const open of calendar.openHours.filter((entry) => entry.daysOfTheWeek.includes(weekday))) {
			for (const hours of open.hours) {
				const close = day + (hours.closeHour * 60 + hours.closeMinute) * MINUTE;
				for (let start = day + (hours.openHour * 60 + hours.openMinute) * MINUTE; start + step <= close; start += step) {
					if (start >= from && start < to) yield start;
				}
			}
		}
	}
}

/** Slots not in the past and not taken by an appointment that is not cancelled. */
function freeStarts(store: LocationStore, calendar: GhlCalendar, from: number, to: number, now: number): number[] {
	const step = slotLength(calendar);
	const taken = store.appointments
		.list()
		.filter((appointment) => appointment.calendarId === calendar.id && appointment.appointmentStatus !== 'cancelled')
		.map((appointment) => [Date.parse(appointment.startTime), Date.parse(appointment.endTime)]);
	return [...slotStarts(calendar, from, to)].filter(
		(start) => start >= now && !taken.some(([bookedStart, bookedEnd]) => start < bookedEnd && start + step > bookedStart),
	);
}

function freeSlots(ctx: RequestContext, store: LocationStore, now: number): Reply {
	const calendar = found(
		store.calendars.find((entry) => entry.id === ctx.params.calendarId),
		'Calendar',
	);
	const query = Object.fromEntries(ctx.query.entries());
	refuseExtraProperties(query, FREE_SLOTS_QUERY);
	const errors: string[] = [];
	const [startDate, endDate] = ['startDate', 'endDate'].map((field) => {
		const value = Number(query[field]);
		if (query[field] === undefined || query[field].trim() === '' || !Number.isFinite(value)) {
			errors.push(`${field} must be a number conforming to the specified constraints`);
		}
		return value;
	});
	const timeZone = optString(query.timezone) ?? store.location.timezone;
	if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) errors.push('timezone must be a valid IANA timezone');
	checked(errors);
	if (endDate <= startDate) throw validationError(['endDate must be after startDate']);
	if (endDate - startDate > MAX_SLOT_RANGE_MS) throw validationError(['Date range cannot be more than 31 days']);
	const userId = optString(query.userId);
	const answer: Record<string, unknown> = {};
	if (userId === undefined || calendar.teamMembers.some((member) => member.userId === userId)) {
		for (const start of freeStarts(store, calendar, startDate, endDate, now)) {
			const { date, time } = inZone(start, timeZone as string);
			((answer[date] ??= { slots: [] }) as { slots: string[] }).slots.push(time);
		}
	}
	return json({ ...answer, traceId: `trace-slots-${calendar.id}` });
}

function bookAppointment(store: LocationStore, body: Record<string, unknown>, now: number): Reply {
	refuseExtraProperties(body, APPOINTMENT_FIELDS);
	const errors = typeErrors(
		body,
		{
			calendarId: 'string',
			locationId: 'string',
			contactId: 'string',
			startTime: 'date',
			endTime: 'date',
			title: 'string',
			description: 'string',
			address: 'string',
			assignedUserId: 'string',
			ignoreDateRange: 'boolean',
			ignoreFreeSlotValidation: 'boolean',
			toNotify: 'boolean',
		},
		['calendarId', 'locationId', 'contactId', 'startTime'],
	);
	if (body.appointmentStatus !== undefined && !APPOINTMENT_STATUSES.includes(String(body.appointmentStatus))) {
		errors.push(`appointmentStatus must be one of the following values: ${APPOINTMENT_STATUSES.join(', ')}`);
	}
	if (body.meetingLocationType !== undefined && !MEETING_LOCATION_TYPES.includes(String(body.meetingLocationType))) {
		errors.push(`meetingLocationType must be one of the following values: ${MEETING_LOCATION_TYPES.join(', ')}`);
	}
	checked(errors);
	const calendar = found(
		store.calendars.find((entry) => entry.id === body.calendarId),
		'Calendar',
	);
	found(store.contacts.get(String(body.contactId)), 'Contact');
	const start = Date.parse(String(body.startTime));
	const end = body.endTime === undefined ? start + slotLength(calendar) : Date.parse(String(body.endTime));
	if (end <= start) throw validationError(['endTime must be after startTime']);
	if (body.ignoreFreeSlotValidation !== true && !freeStarts(store, calendar, start, start + 1, now).includes(start)) {
		throw new HttpError(400, { statusCode: 400, message: 'The slot you have selected is no longer available.' });
	}
	// What the booking is told to do, not part of it.
	const fields = Object.fromEntries(Object.entries(body).filter(([key]) => !BOOKING_FLAGS.includes(key)));
	const appointment = store.appointments.insert({
		...fields,
		calendarId: calendar.id,
		locationId: store.location.id,
		contactId: String(body.contactId),
		startTime: String(body.startTime),
		endTime: body.endTime === undefined ? new Date(end).toISOString() : String(body.endTime),
		title: optString(body.title) ?? 'Appointment',
		appointmentStatus: optString(body.appointmentStatus) ?? 'confirmed',
		assignedUserId: optString(body.assignedUserId) ?? calendar.teamMembers[0].userId,
		isRecurring: false,
	} as Omit<GhlAppointment, 'id'>);
	return json(appointment);
}

/** Registers the routes on one API; `route` authenticates, rate-limits and picks the location's store. */
export function registerEngagementRoutes(router: Router, route: (handler: GhlHandler) => Handler, now: () => number): void {
	const iso = () => new Date(now()).toISOString();
	const contactOf = (store: LocationStore, ctx: RequestContext) => found(store.contacts.get(ctx.params.id), 'Contact');
	const workflowOf = (store: LocationStore, ctx: RequestContext) =>
		found(
			store.workflows.find((workflow) => workflow.id === ctx.params.workflowId),
			'Workflow',
		);
	const requireLocationQuery = (ctx: RequestContext) => {
		if (!optString(ctx.query.get('locationId'))) throw validationError(['locationId should not be empty']);
	};

	router
		.get(
			'/contacts/:id/tasks',
			route((ctx, store) => {
				const contact = contactOf(store, ctx);
				return json({ tasks: store.tasks.list().filter((task) => task.contactId === contact.id) });
			}),
		)
		.post(
			'/contacts/:id/tasks',
			route((ctx, store, body) => {
				const contact = contactOf(store, ctx);
				refuseExtraProperties(body, TASK_FIELDS);
				checked(typeErrors(body, TASK_TYPES, TASK_REQUIRED));
				const task = store.tasks.insert({ ...(body as Omit<GhlTask, 'id' | 'contactId'>), contactId: contact.id });
				return json({ task }, 201);
			}),
		)
		.get(
			'/contacts/:id/tasks/:taskId',
			route((ctx, store) => json({ task: taskOf(store, contactOf(store, ctx).id, ctx.params.taskId) })),
		)
		.put(
			'/contacts/:id/tasks/:taskId',
			route((ctx, store, body) => {
				const task = taskOf(store, contactOf(store, ctx).id, ctx.params.taskId);
				refuseExtraProperties(body, TASK_FIELDS);
				checked(typeErrors(body, TASK_TYPES));
				return json({ task: store.tasks.replace({ ...task, ...body }) });
			}),
		)
		.put(
			'/contacts/:id/tasks/:taskId/completed',
			route((ctx, store, body) => {
				const task = taskOf(store, contactOf(store, ctx).id, ctx.params.taskId);
				refuseExtraProperties(body, ['completed']);
				checked(typeErrors(body, { completed: 'boolean' }, ['completed']));
				return json({ task: store.tasks.replace({ ...task, completed: body.completed as boolean }) });
			}),
		)
		.delete(
			'/contacts/:id/tasks/:taskId',
			route((ctx, store) => {
				store.tasks.delete(taskOf(store, contactOf(store, ctx).id, ctx.params.taskId).id);
				return json({ succeded: true });
			}),
		)
		.get(
			'/contacts/:id/notes',
			route((ctx, store) => {
				const contact = contactOf(store, ctx);
				return json({ notes: store.notes.list().filter((note) => note.contactId === contact.id) });
			}),
		)
		.post(
			'/contacts/:id/notes',
			route((ctx, store, body) => {
				const contact = contactOf(store, ctx);
				refuseExtraProperties(body, NOTE_FIELDS);
				checked(typeErrors(body, { body: 'string', userId: 'string' }, ['body']));
				const note = store.notes.insert({
					body: String(body.body),
					...(body.userId !== undefined ? { userId: String(body.userId) } : {}),
					dateAdded: iso(),
					contactId: contact.id,
				});
				return json({ note }, 201);
			}),
		)
		.post(
			'/contacts/:id/workflow/:workflowId',
			route((ctx, store, body) => {
				const contact = contactOf(store, ctx);
				const workflow = workflowOf(store, ctx);
				refuseExtraProperties(body, WORKFLOW_FIELDS);
				checked(typeErrors(body, { eventStartTime: 'date' }));
				const members = store.enrollments.get(workflow.id) ?? new Set<string>();
				store.enrollments.set(workflow.id, members.add(contact.id));
				return json({ succeded: true });
			}),
		)
		.delete(
			'/contacts/:id/workflow/:workflowId',
			route((ctx, store, body) => {
				const contact = contactOf(store, ctx);
				const workflow = workflowOf(store, ctx);
				refuseExtraProperties(body, WORKFLOW_FIELDS);
				store.enrollments.get(workflow.id)?.delete(contact.id);
				return json({ succeded: true });
			}),
		)
		.get(
			'/workflows',
			route((ctx, store) => {
				requireLocationQuery(ctx);
				return json({ workflows: store.workflows });
			}),
		)
		.get(
			'/calendars',
			route((ctx, store) => {
				requireLocationQuery(ctx);
				return json({ calendars: store.calendars });
			}),
		)
		.get(
			'/calendars/:calendarId/free-slots',
			route((ctx, store) => freeSlots(ctx, store, now())),
		)
		.post(
			'/calendars/events/appointments',
			route((_ctx, store, body) => bookAppointment(store, body, now())),
		);
}
