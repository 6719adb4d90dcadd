import type { IDataObject } from 'n8n-workflow';

import { isAllowed, listOf, valueAt } from '../../lib/webhooks';
import type { WebhookBody } from '../../lib/webhooks';

/**
 * HaloPSA's payload fields are not documented publicly, so the fields holding the event and the
 * object type are settings. The payload itself is passed on untouched.
 */
export function haloPsaFilter(filters: IDataObject): (body: WebhookBody) => string | undefined {
	const checks = [
		{ field: String(filters.eventField ?? 'event'), allowed: listOf(filters.events) },
		{ field: String(filters.objectTypeField ?? 'object_type'), allowed: listOf(filters.objectTypes) },
	].filter((check) => check.allowed.length > 0);
	return (body) => {
		for (const { field, allowed } of checks) {
			if (!isAllowed(valueAt(body, field), allowed)) return `${field} is not one of the selected values`;
		}
		return undefined;
	};
}
