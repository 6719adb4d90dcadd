import { heldEnrichmentWorkflows } from '../../scripts/e2e/held-enrichment';
import type { HeldEnrichmentIds } from '../../scripts/e2e/held-enrichment';
import { exampleStartedByWebhook, triggerWorkflow, webhookNode } from '../../scripts/e2e/n8n-instance';
import type { ImportedCredential } from '../../scripts/e2e/sandbox-credentials';

/** The workflows and credentials the queue-mode suite runs, beside the sandbox's own credentials. */

export const GITHUB_SECRET = 'queue-github-secret-0001';
export const HALO_BEARER = 'queue-halo-bearer-0001';

export const queueCredentials: ImportedCredential[] = [
	{
		id: 'b2bQueueGithub01',
		name: 'GitHub webhook secret (queue)',
		type: 'b2bWebhookSecretApi',
		data: { secret: GITHUB_SECRET, format: 'text' },
	},
	{
		id: 'b2bQueueHaloHk01',
		name: 'HaloPSA webhook bearer (queue)',
		type: 'b2bHaloPsaWebhookApi',
		data: { authMethod: 'bearer', token: HALO_BEARER },
	},
];

export const TRIGGERS = {
	github: { id: 'b2bQueueGithub01', webhookId: 'queue-github' },
	haloPsa: { id: 'b2bQueueHaloPsa1', webhookId: 'queue-halopsa' },
	highLevel: { id: 'b2bQueueHighLvl1', webhookId: 'queue-highlevel' },
} as const;

export function triggerWorkflows(highLevelPublicKey: string): Array<{ id: string }> {
	return [
		triggerWorkflow(TRIGGERS.github.id, TRIGGERS.github.webhookId, {
			type: 'signedWebhookTrigger',
			parameters: { preset: 'github' },
			credentials: { b2bWebhookSecretApi: { id: 'b2bQueueGithub01', name: 'GitHub webhook secret (queue)' } },
		}),
		triggerWorkflow(TRIGGERS.haloPsa.id, TRIGGERS.haloPsa.webhookId, {
			type: 'haloPsaTrigger',
			parameters: {},
			credentials: { b2bHaloPsaWebhookApi: { id: 'b2bQueueHaloHk01', name: 'HaloPSA webhook bearer (queue)' } },
		}),
		triggerWorkflow(TRIGGERS.highLevel.id, TRIGGERS.highLevel.webhookId, {
			type: 'goHighLevelTrigger',
			parameters: { options: { ed25519PublicKey: highLevelPublicKey } },
		}),
	];
}

export const EXAMPLE_01 = { id: 'b2bQueueExampl01', path: 'queue-example-01' };

/** Example 01 as shipped, started by a webhook as well as by its schedule. */
export const example01 = () =>
	exampleStartedByWebhook('01-scheduled-prospecting.json', EXAMPLE_01.id, EXAMPLE_01.path, 'Find IT Directors');

export const CONTACT_LOAD = { id: 'b2bQueueGhlLoad1', path: 'queue-ghl-load' };

/** Writes `people` contacts to GoHighLevel: enough calls that two runs at once exceed HighLevel's 100 per 10 s. */
export function contactLoad(people: number): { id: string } & Record<string, unknown> {
	return {
		id: CONTACT_LOAD.id,
		name: 'Queue: contacts to GoHighLevel',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode('Start', CONTACT_LOAD.path),
			{
				id: 'queue-load-people',
				name: 'People',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [240, 200],
				parameters: {
					jsCode: `return Array.from({ length: ${people} }, (_, index) => ({ json: { email: 'load-' + $execution.id + '-' + index + '@queue.example', firstName: 'Load', lastName: String(index) } }));`,
				},
			},
			{
				id: 'queue-load-ghl',
				name: 'Contacts in GoHighLevel',
				type: 'n8n-nodes-halopsa-b2b.b2bGoHighLevel',
				typeVersion: 1,
				position: [480, 200],
				parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'upsert', inputMode: 'auto' },
				credentials: { b2bGoHighLevelApi: { id: 'b2bSandboxGhlV2', name: 'GoHighLevel v2 (sandbox)' } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'People', type: 'main', index: 0 }]] },
			People: { main: [[{ node: 'Contacts in GoHighLevel', type: 'main', index: 0 }]] },
		},
	};
}

export const OVERLAP: HeldEnrichmentIds = {
	id: 'b2bQueueOverlap1',
	webhookId: 'queue-overlap',
	split: { id: 'b2bQueueOverlap2', webhookId: 'queue-overlap-split', subId: 'b2bQueueOverlapS' },
};

/** Two runs at once of a workflow whose nodes keep a memory: in one workflow, and split in two. */
export const overlappingRuns = () =>
	heldEnrichmentWorkflows(
		OVERLAP,
		{ id: 'b2bQueueGithub01', name: 'GitHub webhook secret (queue)' },
		{ id: 'b2bSandboxApollo', name: 'Apollo (sandbox)' },
	);
