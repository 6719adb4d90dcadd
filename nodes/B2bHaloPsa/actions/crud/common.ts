import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { InputProblem } from '../../../../lib/enrichment';
import { assertNoProblems, checkRecord, errorItem, paired } from '../../../../lib/node-kit';
import type { FieldRule } from '../../../../lib/node-kit';
import type { HaloRecord } from '../../../../lib/providers/haloPsa';
import type { CallOptions } from '../../../../lib/providers/contracts';
import type { WriteResult } from '../../../../lib/sync/writer';
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
export async function planRecords(ctx: IExecuteFunctions, items: INodeExecutionData[], recordOf: (itemIndex: number) => Promise<HaloRecord>, required: Array<{ field: string; why: string }>): Promise<PlannedRecords> {
	const planned: PlannedRecords = { writes: [], problems: new Map() };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const checked = checkRecord(await recordOf(itemIndex), FIELD_RULES, required);
		if (checked.problem) planned.problems.set(itemIndex, checked.problem);
		else planned.writes.push({ key: String(itemIndex), record: checked.record });
	}
	assertNoProblems(ctx, [...planned.problems].map(([itemIndex, problem]) => ({ itemIndex, problem })));
	return planned;
}

/** Each item's saved record, or its failure (thrown, or under continue-on-fail passed through). */
export function writeResultsToItems(ctx: IExecuteFunctions, items: INodeExecutionData[], results: Map<string, WriteResult>, verb: string, problems: Map<number, InputProblem>): INodeExecutionData[] {
	return items.map((item, itemIndex) => {
		const result = results.get(String(itemIndex));
		if (result && 'saved' in result) return paired(result.saved as IDataObject, itemIndex);
		const message = `Item ${itemIndex}: ${problems.get(itemIndex)?.message ?? result?.error ?? `not ${verb}`}`;
		if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
		return errorItem(item, itemIndex, message);
	});
}
