import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection, problemError } from '../../../../lib/node-kit';
import { FREE_SLOTS_MAX_DAYS, freeSlotsRangeProblem, getFreeSlots, isTimeZone } from '../../../../lib/destinations/goHighLevel';
import type { GhlFreeSlotsQuery } from '../../../../lib/destinations/goHighLevel';
import { checkedFields, instantOf, requiredText } from '../read';
import { GhlRun } from '../run';
import { CALENDAR_FIELD } from './fields';

const show = { resource: ['calendar'], operation: ['getFreeSlots'] };
const on = { show };

const OFFSET_HINT = "A time without an offset is in the workflow's timezone";

export const description: INodeProperties[] = [
	{ ...CALENDAR_FIELD, displayOptions: on },
	{ displayName: 'Start', name: 'startDate', type: 'dateTime', required: true, displayOptions: on, default: '', description: OFFSET_HINT },
	{
		displayName: 'End',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		displayOptions: on,
		default: '',
		description: `At most ${FREE_SLOTS_MAX_DAYS} days after the start. ${OFFSET_HINT}.`,
	},
	optionsCollection(show, [
		{
			displayName: 'Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'America/Chicago',
			description: "The IANA timezone the slots are written in; empty: the calendar's own",
		},
		{ displayName: 'User ID', name: 'userId', type: 'string', default: '', description: "Only this HighLevel user's free slots" },
	]),
];

/**
 * One output item per free slot, `{calendarId, date, startTime}`, in time order: a slot's
 * `startTime` is what Book Appointment takes. A range HighLevel would refuse (over 31 days, or
 * ending before it starts) or an unknown timezone fails the item before anything is sent.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const calendarId = requiredText(this, itemIndex, 'calendarId', 'calendar');
		const startDate = instantOf(this, itemIndex, 'startDate', 'start', this.getNodeParameter('startDate', itemIndex, ''));
		const endDate = instantOf(this, itemIndex, 'endDate', 'end', this.getNodeParameter('endDate', itemIndex, ''));
		const range = freeSlotsRangeProblem(startDate, endDate);
		if (range) throw problemError(this, itemIndex, range);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const { timezone, userId } = checkedFields(
			this,
			itemIndex,
			{ timezone: options.timezone, userId: options.userId },
			{ timezone: 'line', userId: 'line' },
		);
		if (typeof timezone === 'string' && !isTimeZone(timezone.trim())) {
			throw problemError(this, itemIndex, { field: 'timezone', message: `"${timezone}" is not an IANA timezone such as America/Chicago` });
		}
		const query: GhlFreeSlotsQuery = { startDate, endDate };
		if (typeof timezone === 'string') query.timezone = timezone.trim();
		if (typeof userId === 'string') query.userId = userId.trim();
		const slots = await getFreeSlots(this, run.connection, calendarId, query, run.call(itemIndex));
		return slots.map((slot) => ({ calendarId, ...slot }));
	});
}
