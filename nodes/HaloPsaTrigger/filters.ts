import type { IDataObject } from 'n8n-workflow';

import { isAllowed, listOf, valueAt } from '../../lib/webhooks';
import type { WebhookBody } from '../../lib/webhooks';
import { describeEvent } from './events';

/**
 * HaloPSA's payload fields are not documented publicly, so the fields holding the event and the
 * object type are settings. The payload itself is passed on untouched.
 */
const eventFieldOf = (filters: IDataObject): string => String(filters.eventField ?? 'event');

/**
 * `events` are the chosen event numbers. A call naming another event, by a number or by a listed
 * name, is ignored; one whose event field holds anything else passes, since HaloPSA does not
 * publish what it puts there and a genuine event must not be dropped for a name the table lacks.
 */
export function haloPsaFilter(filters: IDataObject, events: number[]): (body: WebhookBody) => string | undefined {
	const eventField = eventFieldOf(filters);
	const checks = [
		{ field: eventField, allowed: listOf(filters.events) },
		{ field: String(filters.objectTypeField ?? 'object_type'), allowed: listOf(filters.objectTypes) },
	].filter((check) => check.allowed.length > 0);
	return (body) => {
		if (events.length > 0) {
			const number = describeEvent(valueAt(body, eventField))?.number;
			if (typeof number === 'number' && !events.includes(number)) return `${eventField} is not one of the chosen events`;
		}
		for (const { field, allowed } of checks) {
			if (!isAllowed(valueAt(body, field), allowed)) return `${field} is not one of the selected values`;
		}
		return undefined;
	};
}

/** The event the call carries, as `event: {number, name}` beside the payload, named where the number is known. */
export function haloPsaEvent(filters: IDataObject): (body: WebhookBody) => IDataObject | undefined {
	const eventField = eventFieldOf(filters);
	return (body) => {
		const event = describeEvent(valueAt(body, eventField));
		return event === undefined ? undefined : { event };
	};
}
