import type { IExecuteFunctions } from 'n8n-workflow';

import { KeyedMemory, dayOf } from '../memory/keyed-memory';
import { REPLAY_GUARDED_TRIGGERS } from '../webhooks/replay-store';

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
	// n8n saves the whole static data when such a run ends, as it read it when the run started: replay ids the trigger took since are lost.
	if (ctx.getParentNodes(ctx.getNode().name).some((parent) => REPLAY_GUARDED_TRIGGERS.has(parent.type)))
		ctx.addExecutionHints({
			message:
				`This node saves ${what} with the workflow, and the trigger of this workflow keeps its replay ids there too: a run that saves ` +
				'can overwrite ids taken meanwhile, so a replayed call could start a second run. Move this node into a sub-workflow that this ' +
				'workflow calls with Execute Workflow',
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
