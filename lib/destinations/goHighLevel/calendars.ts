import type { InputProblem } from '../../normalize';
import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { GhlConnection } from './connection';
import { recordsOf } from './contacts';
import type { GhlRecord } from './types';

/** HighLevel answers free slots for a range of at most 31 days. */
export const FREE_SLOTS_MAX_DAYS = 31;
const DAY_MS = 86_400_000;

export const APPOINTMENT_STATUSES = ['new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid'] as const;
export const MEETING_LOCATION_TYPES = ['custom', 'zoom', 'gmeet', 'phone', 'address', 'ms_teams', 'google'] as const;

export interface GhlCalendar {
	id: string;
	name: string;
}

/** The free-slots query: epoch milliseconds, and the IANA zone the slots are written in. */
export interface GhlFreeSlotsQuery {
	startDate: number;
	endDate: number;
	timezone?: string;
	userId?: string;
}

export interface GhlFreeSlot {
	/** `YYYY-MM-DD` in the zone asked for. */
	date: string;
	/** ISO 8601 with the zone's offset, as HighLevel writes it: what Book Appointment takes as its start. */
	startTime: string;
}

/** `AppointmentCreateSchema` without `locationId` (the connection's) and the recurrence and location-override properties. */
export interface GhlAppointmentFields {
	calendarId: string;
	contactId: string;
	startTime: string;
	endTime?: string;
	title?: string;
	description?: string;
	address?: string;
	appointmentStatus?: (typeof APPOINTMENT_STATUSES)[number];
	assignedUserId?: string;
	meetingLocationType?: (typeof MEETING_LOCATION_TYPES)[number];
	ignoreDateRange?: boolean;
	ignoreFreeSlotValidation?: boolean;
	toNotify?: boolean;
}

export async function listCalendars(ctx: TransportContext, connection: GhlConnection, options?: CallOptions): Promise<GhlCalendar[]> {
	const body = await callJson<{ calendars: unknown }>(
		ctx,
		connection.profile,
		{ method: 'GET', path: '/calendars/', qs: { locationId: connection.locationId } },
		options,
	);
	return recordsOf(body.calendars).map((calendar) => ({ id: String(calendar.id), name: String(calendar.name ?? calendar.id) }));
}

/** A range HighLevel would refuse: the end not after the start, or longer than 31 days. */
export function freeSlotsRangeProblem(startDate: number, endDate: number): InputProblem | undefined {
	if (endDate <= startDate) return { field: 'endDate', message: 'the end date is not after the start date' };
	const days = (endDate - startDate) / DAY_MS;
	if (days <= FREE_SLOTS_MAX_DAYS) return undefined;
	return {
		field: 'endDate',
		message: `the range is ${Math.ceil(days)} days long: HighLevel gives free slots for at most ${FREE_SLOTS_MAX_DAYS}`,
	};
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar's free slots, day by day in date order. HighLevel keys its answer by date next to
 * other keys (`traceId`); the route has no paging, the 31-day range is its limit.
 */
export async function getFreeSlots(
	ctx: TransportContext,
	connection: GhlConnection,
	calendarId: string,
	query: GhlFreeSlotsQuery,
	options?: CallOptions,
): Promise<GhlFreeSlot[]> {
	const problem = freeSlotsRangeProblem(query.startDate, query.endDate);
	if (problem) throw new RangeError(`GoHighLevel: ${problem.message}`);
	const body = await callJson<Record<string, unknown>>(
		ctx,
		connection.profile,
		{ method: 'GET', path: `/calendars/${encodeURIComponent(calendarId)}/free-slots`, qs: { ...query } },
		options,
	);
	return Object.entries(body)
		.filter(([key]) => DATE_KEY.test(key))
		.sort(([a], [b]) => a.localeCompare(b))
		.flatMap(([date, day]) => {
			const slots = (day as { slots?: unknown } | null)?.slots;
			return Array.isArray(slots) ? slots.filter((slot) => typeof slot === 'string').map((startTime) => ({ date, startTime })) : [];
		});
}

/** A plain create: a lost answer is not sent again, which could book the contact twice. */
export async function bookAppointment(
	ctx: TransportContext,
	connection: GhlConnection,
	fields: GhlAppointmentFields,
	options?: CallOptions,
): Promise<GhlRecord> {
	return await callJson<GhlRecord>(
		ctx,
		connection.profile,
		{ method: 'POST', path: '/calendars/events/appointments', body: { ...fields, locationId: connection.locationId } },
		options,
	);
}
