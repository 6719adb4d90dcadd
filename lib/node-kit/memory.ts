import type { IExecuteFunctions } from 'n8n-workflow';

import { KeyedMemory, dayOf } from '../memory/keyed-memory';

export interface NodeMemory {
	memory: KeyedMemory;
	today: number;
	/** Hands what changed to n8n, which writes it to its database when the run ends. */
	save(): void;
}

/**
 * A memory in the node's workflow static data, which n8n keeps with the workflow in its database, so
 * every worker and every later run reads it. n8n saves static data after runs started by a trigger
 * or a schedule, not after a run started by hand: a manual run reads the memory but adds nothing, and
 * it says so in its output pane. Renaming the node starts a new memory (n8n keys it by node name).
 */
export function openNodeMemory(ctx: IExecuteFunctions, field: string, what: string, now = Date.now()): NodeMemory {
	const data = ctx.getWorkflowStaticData('node');
	const { memory, today } = readNodeMemory(ctx, field, now);
	if (ctx.getMode() === 'manual')
		ctx.addExecutionHints({
			message: `A run started by hand reads ${what} but n8n does not save what it adds: runs started by a trigger or schedule do`,
			location: 'outputPane',
		});
	return {
		memory,
		today,
		save: () => {
			if (memory.isChanged) data[field] = memory.toJSON();
		},
	};
}

/** The memory as the last saved run left it, to read: what is recorded in it is never saved. */
export function readNodeMemory(ctx: IExecuteFunctions, field: string, now = Date.now()): Omit<NodeMemory, 'save'> {
	return { memory: KeyedMemory.from(ctx.getWorkflowStaticData('node')[field]), today: dayOf(now) };
}
