import type { IDataObject } from 'n8n-workflow';

import type { InputProblem } from '../normalize';

/**
 * A JSON parameter's value as the object it must hold. n8n hands over the text as typed, or what an
 * expression gave, which may already be an object, or a list, a number, null: all but an object are
 * refused, since their fields would be merged into a record without a word. Empty text holds no fields.
 */
export function jsonObjectParameter(
	value: unknown,
	field: string,
	label: string,
): { value: IDataObject; problem?: undefined } | { value?: undefined; problem: InputProblem } {
	if (value === undefined || (typeof value === 'string' && value.trim() === '')) return { value: {} };
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			return { problem: { field, message: `${label} is not valid JSON (${error instanceof Error ? error.message : String(error)})` } };
		}
	}
	return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
		? { value: parsed as IDataObject }
		: { problem: { field, message: `${label} must be a JSON object` } };
}
