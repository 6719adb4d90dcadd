import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { InputProblem } from '../../../../lib/normalize';
import { assertNoProblems, errorItem, paired } from '../../../../lib/node-kit';
import { checkRecord } from '../../../../lib/normalize';
import type { FieldRule } from '../../../../lib/normalize';
import type { HaloRecord } from '../../../../lib/destinations/haloPsa';
import type { CallOptions } from '../../../../lib/transport';
import type { WriteResult } from '../../../../lib/destinations/haloPsa/sync/writer';
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

/**
 * How the fields a create or update sends are checked, whatever the entity; a field not named here
 * (other ids, custom fields) is sent as given and HaloPSA is the judge.
 */
const FIELD_RULES: Record<string, FieldRule> = {
	id: 'id',
	client_id: 'id',
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
	recordOf: (itemIndex: number) => Promise<HaloRecord>,
	required: Array<{ field: string; why: string }>,
): Promise<PlannedRecords> {
	const planned: PlannedRecords = { writes: [], problems: new Map() };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const checked = checkRecord(await recordOf(itemIndex), FIELD_RULES, required);
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
		return errorItem(item, itemIndex, message);
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
