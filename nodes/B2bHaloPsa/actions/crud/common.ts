import { NodeOperationError, isResourceLocatorValue } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { InputProblem } from '../../../../lib/normalize';
import { assertNoProblems, errorItem, jsonObjectParameter, paired } from '../../../../lib/node-kit';
import { checkRecord, checkValue } from '../../../../lib/normalize';
import type { FieldRule } from '../../../../lib/normalize';
import type { HaloRecord } from '../../../../lib/destinations/haloPsa';
import type { CallOptions } from '../../../../lib/transport';
import type { WriteResult } from '../../../../lib/destinations/haloPsa/sync/writer';
import type { CustomFieldResolver } from '../custom-fields';
import { RESOURCES } from '../resources';
import type { ResourceDefinition } from '../resources';

export function resourceOf(ctx: IExecuteFunctions): ResourceDefinition {
	return RESOURCES[ctx.getNodeParameter('resource', 0) as string];
}

export function callOptions(ctx: IExecuteFunctions, itemIndex: number): CallOptions {
	const { maxAttempts } = ctx.getNodeParameter('options', itemIndex, {}) as { maxAttempts?: number };
	return { itemIndex, maxAttempts };
}

/** Fields left at their empty defaults are not sent: HaloPSA would store the empty value. */
export function setFields(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}

/** A parameter as n8n reads it: a resource locator's ID from the list, the ID mode or the address; any other value as it is. */
export function parameterValue(ctx: IExecuteFunctions, name: string, itemIndex: number): IDataObject[string] {
	return ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as IDataObject[string];
}

/** A collection's fields, each resource locator in it read as its ID: n8n extracts a locator only when asked for it by its path. */
export function collectionValues(ctx: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	const values = ctx.getNodeParameter(name, itemIndex, {}) as IDataObject;
	return Object.fromEntries(
		Object.entries(values).map(([field, value]) => [
			field,
			isResourceLocatorValue(value) ? parameterValue(ctx, `${name}.${field}`, itemIndex) : value,
		]),
	);
}

/** A parameter that must name a record, as its ID: a locator's ID mode and address give text, an expression anything. */
export function requiredId(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): number {
	const checked = checkValue(label, parameterValue(ctx, name, itemIndex), 'id');
	const problem = checked.problem?.message ?? (typeof checked.value === 'number' ? undefined : `give the ${label}`);
	if (problem) throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${problem}`, { itemIndex });
	return checked.value as number;
}

/** The ID a Get or Delete names. */
export function recordId(ctx: IExecuteFunctions, resource: ResourceDefinition, itemIndex: number): number {
	return requiredId(ctx, 'id', `${resource.label} ID`, itemIndex);
}

export type PlannedRecord = { record: HaloRecord } | { problem: InputProblem };

const OTHER_FIELDS = 'Other Fields (JSON)';

/**
 * What a create or update sends: Other Fields (JSON) first, the fields the node names over it, then
 * the custom fields. An ID in Other Fields is refused: it would turn a create into an update of
 * that record, and point an update at another record than the one the node names.
 */
export async function plannedRecord(
	ctx: IExecuteFunctions,
	customFields: CustomFieldResolver,
	itemIndex: number,
	named: IDataObject,
): Promise<PlannedRecord> {
	const other = jsonObjectParameter(ctx.getNodeParameter('otherFields', itemIndex, '{}'), 'otherFields', OTHER_FIELDS);
	if (other.problem) return { problem: other.problem };
	if ('id' in other.value)
		return { problem: { field: 'otherFields', message: `${OTHER_FIELDS} must not set id: the record is chosen by the node's own ID` } };
	const record: HaloRecord = { ...other.value, ...setFields(named) };
	const custom = await customFields.resolve('customFields', itemIndex);
	if (custom) record.customfields = custom;
	return { record };
}

/**
 * How the fields a create or update sends are checked, whatever the entity; a field not named here
 * (other ids, custom fields) is sent as given and HaloPSA is the judge.
 */
const FIELD_RULES: Record<string, FieldRule> = {
	id: 'id',
	client_id: 'id',
	site_id: 'id',
	user_id: 'id',
	ticket_id: 'id',
	name: 'line',
	firstname: 'line',
	surname: 'line',
	jobtitle: 'line',
	summary: 'line',
	emailaddress: 'email',
	website: 'website',
	phonenumber: 'phone',
	mobilenumber: 'phone',
	details: 'text',
	inactive: 'flag',
};

export interface PlannedRecords {
	writes: Array<{ key: string; record: HaloRecord }>;
	problems: Map<number, InputProblem>;
}

/**
 * Every item's record, checked before any is sent: a bad item stops the node with nothing written
 * (or, under continue-on-fail, is left out and reported), so a fixed re-run creates nothing twice.
 */
export async function planRecords(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	recordOf: (itemIndex: number) => Promise<PlannedRecord>,
	required: Array<{ field: string; why: string }>,
): Promise<PlannedRecords> {
	const planned: PlannedRecords = { writes: [], problems: new Map() };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const read = await recordOf(itemIndex);
		const checked = 'problem' in read ? read : checkRecord(read.record, FIELD_RULES, required);
		if (checked.problem) planned.problems.set(itemIndex, checked.problem);
		else planned.writes.push({ key: String(itemIndex), record: checked.record });
	}
	assertNoProblems(
		ctx,
		[...planned.problems].map(([itemIndex, problem]) => ({ itemIndex, problem })),
	);
	return planned;
}

/** The IDs a message lists before it says "and N more". */
const LISTED_IDS = 20;

/**
 * Each item's saved record, or its failure (under continue-on-fail passed through). Without
 * continue-on-fail the first failure stops the node after the other records were written; the
 * error then lists what was written, since n8n drops the node's output and a create re-run with
 * the same items would create those records again.
 */
export function writeResultsToItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	results: Map<string, WriteResult>,
	verb: 'created' | 'updated',
	problems: Map<number, InputProblem>,
): INodeExecutionData[] {
	const failures: Array<{ itemIndex: number; message: string }> = [];
	const output = items.map((item, itemIndex) => {
		const result = results.get(String(itemIndex));
		if (result && 'saved' in result) return paired(result.saved as IDataObject, itemIndex);
		const message = `Item ${itemIndex}: ${problems.get(itemIndex)?.message ?? result?.error ?? `not ${verb}`}`;
		failures.push({ itemIndex, message });
		return errorItem(ctx, item, itemIndex, message);
	});
	if (failures.length === 0 || ctx.continueOnFail()) return output;
	const written = [...results.values()].flatMap((result) => ('saved' in result ? [String(result.saved.id)] : []));
	const more = written.length > LISTED_IDS ? ` and ${written.length - LISTED_IDS} more` : '';
	const listed = `${written.slice(0, LISTED_IDS).join(', ')}${more}`;
	const rerun =
		verb === 'created'
			? "Re-running all the items would create them again: re-run only the failed ones, or turn on Continue On Fail to get each item's result."
			: 'Re-running the items updates them again, which is harmless.';
	throw new NodeOperationError(ctx.getNode(), failures[0].message, {
		itemIndex: failures[0].itemIndex,
		description: `${failures.length} item(s) failed. ${
			written.length > 0 ? `${written.length} other record(s) were ${verb} (ID ${listed}). ${rerun}` : `Nothing was ${verb}.`
		}`,
	});
}
