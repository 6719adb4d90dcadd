import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemOutcome } from '../../../lib/enrichment';
import type { InputProblem } from '../../../lib/normalize';
import { errorItem, paired, problemError } from '../../../lib/node-kit';

/**
 * Turns the engine's per-item outcomes into output items. An item a provider failed on (its
 * credential, an outage, a refused request: not a miss, spent credits or a rate limit) is an error
 * unless later providers still found everything wanted: a failure must not pass for "no data".
 * Under continue-on-fail it is passed through with the error and whatever was found. `problems`
 * are the node's own findings on an item's input, which come before the engine's.
 */
export function outcomesToItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	outcomes: ItemOutcome[],
	keepInput: boolean,
	problems: Array<InputProblem | undefined> = [],
): INodeExecutionData[] {
	return outcomes.map((engineOutcome) => {
		const own = problems[engineOutcome.itemIndex];
		const outcome: ItemOutcome = own ? { itemIndex: engineOutcome.itemIndex, problem: own } : engineOutcome;
		const input = items[outcome.itemIndex];
		if ('problem' in outcome) {
			if (!ctx.continueOnFail()) throw problemError(ctx, outcome.itemIndex, outcome.problem);
			return errorItem(ctx, input, outcome.itemIndex, `Item ${outcome.itemIndex}: ${outcome.problem.message}`);
		}
		const json: IDataObject = { ...(keepInput ? input.json : {}), ...(outcome.record as unknown as IDataObject) };
		const { attempts, complete } = outcome.record.enrichment;
		const errors = attempts.filter((attempt) => attempt.status === 'error');
		const failures = attempts.filter((attempt) => attempt.failed);
		if ((errors.length > 0 && errors.length === attempts.length) || (failures.length > 0 && !complete)) {
			const reasons = [...new Set((failures.length > 0 ? failures : errors).map((attempt) => attempt.reason))].join('; ');
			if (!ctx.continueOnFail()) throw problemError(ctx, outcome.itemIndex, { field: 'providers', message: reasons });
			return paired({ ...json, error: `Item ${outcome.itemIndex}: ${reasons}` }, outcome.itemIndex);
		}
		return paired(json, outcome.itemIndex);
	});
}
