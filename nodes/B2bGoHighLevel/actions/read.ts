import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { problemError } from '../../../lib/node-kit';
import { checkRecord, text } from '../../../lib/normalize';
import type { FieldRule } from '../../../lib/normalize';
import { toInstant } from '../../../lib/destinations/goHighLevel';
import { setFields } from './fields';

/**
 * A required text parameter (a locator's value included), trimmed. n8n runs a node whose required
 * field is empty, and an empty ID would call another route (`/contacts/` for `/contacts/{id}`), so it
 * fails the item here, named.
 */
export function requiredText(ctx: IExecuteFunctions, itemIndex: number, name: string, what: string): string {
	const value = text(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }));
	if (value === undefined) throw problemError(ctx, itemIndex, { field: name, message: `no ${what} given` });
	return value;
}

/** Version 1's Contact ID string and version 2's contact locator alike. */
export function contactIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredText(ctx, itemIndex, 'contactId', 'contact ID');
}

/**
 * A date and time as epoch milliseconds. n8n's date picker gives no offset: that is read in the
 * workflow's timezone (Settings), as the editor showed it. `field` names the parameter, `what` it in words.
 */
export function instantOf(ctx: IExecuteFunctions, itemIndex: number, field: string, what: string, value: unknown): number {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw problemError(ctx, itemIndex, { field, message: `no ${what} given` });
	}
	const instant = toInstant(value, ctx.getTimezone());
	if (instant === undefined)
		throw problemError(ctx, itemIndex, { field, message: `the ${what} "${String(value)}" is not a date and time` });
	return instant;
}

/** `instantOf` in the ISO 8601 form HighLevel's bodies take. */
export function isoTimeOf(ctx: IExecuteFunctions, itemIndex: number, field: string, what: string, value: unknown): string {
	return new Date(instantOf(ctx, itemIndex, field, what, value)).toISOString();
}

/**
 * Fields checked by their rules before HighLevel sees them (it would store an object as "[object
 * Object]"): empty ones left out, a flag given as text made a boolean, a `required` one missing named.
 */
export function checkedFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	rules: Record<string, FieldRule>,
	required: Array<{ field: string; why: string }> = [],
): IDataObject {
	const checked = checkRecord(setFields(fields), rules, required);
	if (checked.problem) throw problemError(ctx, itemIndex, checked.problem);
	return checked.record;
}
