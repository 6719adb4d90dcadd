import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { InputProblem } from '../../../../lib/normalize';
import { assertNoProblems, errorItem, optionsCollection, paired } from '../../../../lib/node-kit';
import { DEFAULT_LEADS_PER_UPSERT, MAX_LEADS_PER_UPSERT, upsertLeads } from '../../../../lib/destinations/thrio';
import type { LeadOutcome } from '../../../../lib/destinations/thrio';
import { outboundListField } from '../fields';
import { personInputFields, readPerson } from '../person';

const show = { resource: ['lead'], operation: ['upsert'] };

export const description: INodeProperties[] = [
	outboundListField(show),
	...personInputFields(show, true),
	optionsCollection(show, [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_LEADS_PER_UPSERT },
			default: DEFAULT_LEADS_PER_UPSERT,
			description:
				'Leads per request, up to 1,000. Thrio documents no limit: a request it refuses as too large is split in halves and sent again.',
		},
	]),
];

interface Planned {
	itemIndex: number;
	lead?: IDataObject;
	problem?: InputProblem;
}

function plan(ctx: IExecuteFunctions, items: INodeExecutionData[]): Planned[] {
	return items.map((item, itemIndex) => {
		const read = readPerson(ctx, item.json, itemIndex, true);
		return 'problem' in read ? { itemIndex, problem: read.problem } : { itemIndex, lead: read.record };
	});
}

/**
 * The items of one execution go to Thrio together: grouped by outbound list, then sent in
 * `leadsupsert` calls of Batch Size, never one call per item. A bad item is refused before
 * anything is sent (or, under continue-on-fail, passed through). A call Thrio refuses as too large
 * or for one lead is halved until only the refused lead fails; any other refusal (a missing list,
 * say) fails its own items and the other calls still go.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const planned = plan(this, items);
	assertNoProblems(this, planned);
	const { batchSize, maxAttempts } = this.getNodeParameter('options', 0, {}) as { batchSize?: number; maxAttempts?: number };
	const byList = new Map<string, Planned[]>();
	for (const entry of planned.filter((candidate) => candidate.lead !== undefined)) {
		const listId = this.getNodeParameter('outboundListId', entry.itemIndex) as string;
		byList.set(listId, [...(byList.get(listId) ?? []), entry]);
	}
	const outcomes = new Map<number, LeadOutcome>();
	for (const [listId, entries] of byList) {
		const results = await upsertLeads(
			this,
			listId,
			entries.map((entry) => entry.lead as IDataObject),
			batchSize,
			{ maxAttempts },
		);
		entries.forEach((entry, index) => outcomes.set(entry.itemIndex, results[index]));
	}
	return planned.map(({ itemIndex, problem }) => {
		const outcome = outcomes.get(itemIndex);
		if (outcome !== undefined && 'lead' in outcome) return paired(outcome.lead, itemIndex);
		const message = `Item ${itemIndex}: ${problem?.message ?? outcome?.error.message ?? 'not sent'}`;
		if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), message, { itemIndex });
		return errorItem(this, items[itemIndex], itemIndex, message);
	});
}
