import { triggerWorkflow } from './n8n-instance';
import { connectedInLine } from './tour';

/**
 * Workflows whose runs overlap and keep a memory: a GitHub-signed event held as many seconds as its
 * `hold` says, then its `sender.email` enriched through Apollo with the lookup memory on. Each run
 * ends by saving the workflow's static data as it was read when the run started, plus what the run
 * added: the trigger's replay ids included, when the trigger and the memory share a workflow.
 */
export const ENRICH_NODE = 'Enrich (Apollo)';

export interface HeldEnrichmentIds {
	/** Trigger, hold and enrichment in one workflow. */
	id: string;
	webhookId: string;
	/** The trigger's workflow calling the hold and the enrichment as a sub-workflow, whose static data is its own. */
	split: { id: string; webhookId: string; subId: string };
}

type Credential = { id: string; name: string };
type Workflow = { id: string } & Record<string, unknown>;

const githubTrigger = (secret: Credential) => ({
	type: 'signedWebhookTrigger',
	parameters: { preset: 'github' },
	credentials: { b2bWebhookSecretApi: secret },
});

const heldEnrichment = (prefix: string, apollo: Credential): Array<Record<string, unknown>> => [
	{
		id: `${prefix}-wait`,
		name: 'Hold',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [240, 0],
		webhookId: `${prefix}-wait`,
		parameters: { resume: 'timeInterval', amount: '={{ $json.body.hold }}', unit: 'seconds' },
	},
	{
		id: `${prefix}-enrich`,
		name: ENRICH_NODE,
		type: 'n8n-nodes-halopsa-b2b.b2bEnrichment',
		typeVersion: 1,
		position: [480, 0],
		parameters: {
			resource: 'person',
			operation: 'enrich',
			providers: ['apollo'],
			inputMode: 'define',
			email: '={{ $json.body.sender.email }}',
			skipKnownDays: 30,
			wanted: ['title'],
			options: {},
		},
		credentials: { b2bApolloApi: apollo },
	},
];

/** The one-workflow and the split shapes, the sub-workflow last. */
export function heldEnrichmentWorkflows(ids: HeldEnrichmentIds, secret: Credential, apollo: Credential): Workflow[] {
	const one = triggerWorkflow(ids.id, ids.webhookId, githubTrigger(secret));
	const caller = triggerWorkflow(ids.split.id, ids.split.webhookId, githubTrigger(secret));
	const call = {
		id: `${ids.split.id}-call`,
		name: 'Enrich in Sub-Workflow',
		type: 'n8n-nodes-base.executeWorkflow',
		typeVersion: 1.2,
		position: [240, 0],
		parameters: { workflowId: { __rl: true, mode: 'id', value: ids.split.subId }, options: {} },
	};
	const trigger = (workflow: Workflow) => (workflow.nodes as unknown[])[0];
	return [
		{ ...one, nodes: [trigger(one), ...heldEnrichment(ids.id, apollo)], connections: connectedInLine(['Trigger', 'Hold', ENRICH_NODE]) },
		{ ...caller, nodes: [trigger(caller), call], connections: connectedInLine(['Trigger', call.name]) },
		{
			id: ids.split.subId,
			name: 'Held enrichment (sub-workflow)',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: `${ids.split.subId}-start`,
					name: 'Called',
					type: 'n8n-nodes-base.executeWorkflowTrigger',
					typeVersion: 1.1,
					position: [0, 0],
					parameters: { inputSource: 'passthrough' },
				},
				...heldEnrichment(ids.split.subId, apollo),
			],
			connections: connectedInLine(['Called', 'Hold', ENRICH_NODE]),
		},
	];
}

/** How many people a held enrichment's memory holds, read from the static data n8n returns with a workflow. */
export function peopleRemembered(staticData: Record<string, Record<string, object>> | undefined): number {
	return Object.keys(staticData?.[`node:${ENRICH_NODE}`]?.enrichedPeople ?? {}).length;
}
