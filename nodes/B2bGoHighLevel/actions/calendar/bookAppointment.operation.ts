import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, optionsCollection, problemError, writeEachItem } from '../../../../lib/node-kit';
import type { FieldRule } from '../../../../lib/normalize';
import { APPOINTMENT_STATUSES, MEETING_LOCATION_TYPES, bookAppointment } from '../../../../lib/destinations/goHighLevel';
import type { GhlAppointmentFields } from '../../../../lib/destinations/goHighLevel';
import { contactLocator } from '../fields';
import { checkedFields, contactIdOf, instantOf, requiredText } from '../read';
import { GhlRun } from '../run';
import { CALENDAR_FIELD } from './fields';

const show = { resource: ['calendar'], operation: ['bookAppointment'] };
const on = { show };

const MEETING_LOCATION_NAMES: Record<(typeof MEETING_LOCATION_TYPES)[number], string> = {
	address: 'Address',
	custom: 'Custom',
	gmeet: 'Google Meet',
	google: 'Google',
	ms_teams: 'Microsoft Teams',
	phone: 'Phone',
	zoom: 'Zoom',
};
const STATUS_NAMES: Record<(typeof APPOINTMENT_STATUSES)[number], string> = {
	cancelled: 'Cancelled',
	confirmed: 'Confirmed',
	invalid: 'Invalid',
	new: 'New',
	noshow: 'No Show',
	showed: 'Showed',
};

export const description: INodeProperties[] = [
	{ ...CALENDAR_FIELD, displayOptions: on },
	contactLocator(show),
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		displayOptions: on,
		default: '',
		description: "A free slot's start (Get Free Slots gives them as startTime). A time without an offset is in the workflow's timezone.",
	},
	additionalFieldsCollection(show, [
		{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Where the meeting is, or its link' },
		{
			displayName: 'Appointment Status',
			name: 'appointmentStatus',
			type: 'options',
			options: APPOINTMENT_STATUSES.map((status) => ({ name: STATUS_NAMES[status], value: status })),
			default: 'confirmed',
		},
		{
			displayName: 'Assigned User ID',
			name: 'assignedUserId',
			type: 'string',
			default: '',
			description: 'The HighLevel user who owns it',
		},
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
		{
			displayName: 'End Time',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			description: "Empty: the calendar's slot length after the start",
		},
		{
			displayName: 'Ignore Date Range',
			name: 'ignoreDateRange',
			type: 'boolean',
			default: false,
			description: "Whether to book outside the calendar's minimum notice and booking window",
		},
		{
			displayName: 'Ignore Free Slot Validation',
			name: 'ignoreFreeSlotValidation',
			type: 'boolean',
			default: false,
			description: 'Whether to book a time that is not a free slot',
		},
		{
			displayName: 'Meeting Location Type',
			name: 'meetingLocationType',
			type: 'options',
			options: MEETING_LOCATION_TYPES.map((type) => ({ name: MEETING_LOCATION_NAMES[type], value: type })),
			default: 'custom',
		},
		{
			displayName: 'Run Automations',
			name: 'toNotify',
			type: 'boolean',
			default: true,
			description: "Whether HighLevel runs the calendar's automations (confirmations, workflows) for the booking",
		},
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	]),
	optionsCollection(show),
];

const APPOINTMENT_RULES: Record<string, FieldRule> = {
	address: 'line',
	appointmentStatus: 'line',
	assignedUserId: 'line',
	description: 'text',
	ignoreDateRange: 'flag',
	ignoreFreeSlotValidation: 'flag',
	meetingLocationType: 'line',
	title: 'line',
	toNotify: 'flag',
};

/**
 * Sends `AppointmentCreateSchema`'s properties only (recurrence and location overrides are not
 * offered). HighLevel refuses a start that is not a free slot unless told to ignore that. Every item
 * is checked before the first is booked, and a lost answer is not sent again: it could book twice.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await writeEachItem(
		this,
		items,
		(itemIndex): GhlAppointmentFields => {
			const { endTime, ...additional } = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const start = instantOf(this, itemIndex, 'startTime', 'start time', this.getNodeParameter('startTime', itemIndex, ''));
			const appointment: GhlAppointmentFields = {
				...checkedFields(this, itemIndex, additional, APPOINTMENT_RULES),
				calendarId: requiredText(this, itemIndex, 'calendarId', 'calendar'),
				contactId: contactIdOf(this, itemIndex),
				startTime: new Date(start).toISOString(),
			};
			if (endTime !== undefined && endTime !== '') {
				const end = instantOf(this, itemIndex, 'endTime', 'end time', endTime);
				if (end <= start) throw problemError(this, itemIndex, { field: 'endTime', message: 'the end time is not after the start time' });
				appointment.endTime = new Date(end).toISOString();
			}
			return appointment;
		},
		async (appointment, itemIndex) => await bookAppointment(this, run.connection, appointment, run.call(itemIndex)),
	);
}
