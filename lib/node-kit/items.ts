import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { InputProblem } from '../normalize';
import { asNodeError } from '../transport';

/** An output item paired to the input item it came from. */
export function paired(json: IDataObject, itemIndex: number): INodeExecutionData {
	return { json, pairedItem: { item: itemIndex } };
}

export function problemError(ctx: IExecuteFunctions, itemIndex: number, problem: InputProblem): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${problem.message}`, {
		itemIndex,
		description:
			`Check the "${problem.field}" field of item ${itemIndex}. Turn on "Continue On Fail" (Settings) to pass bad items through with an ` +
			`error instead of stopping.`,
	});
}

/**
 * Stops before anything is spent when an item is bad and the workflow does not continue on
 * failure: a half-run would have paid for lookups whose results are then thrown away.
 */
export function assertNoProblems(ctx: IExecuteFunctions, problems: Array<{ itemIndex: number; problem?: InputProblem }>): void {
	if (ctx.continueOnFail()) return;
	const first = problems.find((entry) => entry.problem !== undefined);
	if (first?.problem) throw problemError(ctx, first.itemIndex, first.problem);
}

/**
 * The item that reports a failure under continue-on-fail: the input, with the error beside it. On
 * the error output (On Error: Continue (using error output)) it is the error alone: n8n sends an
 * item there only when its json holds nothing but `error` (and `message`, `details`), and adds the
 * input's fields itself.
 */
export function errorItem(ctx: IExecuteFunctions, input: INodeExecutionData, itemIndex: number, message: string): INodeExecutionData {
	return paired(ctx.getNode().onError === 'continueErrorOutput' ? { error: message } : { ...input.json, error: message }, itemIndex);
}

/**
 * Runs an operation item by item: each item's records come out paired with it; a failure stops
 * the node with the item named, or under continue-on-fail becomes that item's error item and the
 * next item goes on.
 */
export async function eachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) output.push(paired(json, itemIndex));
		} catch (error) {
			const nodeError = asNodeError(ctx.getNode(), error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			output.push(errorItem(ctx, items[itemIndex], itemIndex, nodeError.message));
		}
	}
	return output;
}

/**
 * eachItem for writes that cannot be undone or safely repeated: every item is read and checked
 * (`prepare`, which throws on bad input) before the first is written. A bad item therefore stops
 * the node with nothing written, so a fixed re-run writes each item once; under continue-on-fail
 * it becomes its error item and the good items are written.
 */
export async function writeEachItem<T>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	prepare: (itemIndex: number) => T | Promise<T>,
	write: (prepared: T, itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const prepared: Array<{ value: T } | { error: unknown }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ value: await prepare(itemIndex) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, itemIndex);
			prepared.push({ error });
		}
	}
	return await eachItem(ctx, items, async (itemIndex) => {
		const entry = prepared[itemIndex];
		if ('error' in entry) throw entry.error;
		return await write(entry.value, itemIndex);
	});
}
