import { PollContext } from 'n8n-core';
import type { INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';

import { TriggerWorkflow } from './trigger-workflow';
import type { TriggerOptions } from './trigger-workflow';

/**
 * A polling trigger run by n8n-core's own PollContext, with the node's static data kept on the
 * Workflow between polls as n8n keeps it for an active workflow (`reload` stores and reads it back).
 */
export class PollTrigger extends TriggerWorkflow {
	constructor(options: TriggerOptions) {
		super(options);
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		const context = new PollContext(
			this.workflow,
			this.workflowNode,
			this.additionalData(),
			mode,
			mode === 'manual' ? 'manual' : 'activate',
		);
		const poll = this.options.nodeType.poll;
		if (poll === undefined) throw new Error('the node has no poll method');
		return await poll.call(context);
	}

	/** The json of every emitted item, or an empty list when the poll emitted nothing. */
	async pollItems(mode?: WorkflowExecuteMode): Promise<Array<Record<string, unknown>>> {
		return ((await this.poll(mode))?.[0] ?? []).map((item) => item.json);
	}
}
