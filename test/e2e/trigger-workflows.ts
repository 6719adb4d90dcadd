import { heldEnrichmentWorkflows } from '../../scripts/e2e/held-enrichment';
import { triggerWorkflow } from '../../scripts/e2e/n8n-instance';
import type { ImportedCredential } from '../../scripts/e2e/sandbox-credentials';

export const HALO_HOOK_TOKEN = 'e2e-halo-hook-bearer-0001';
export const GHL_HOOK_TOKEN = 'e2e-ghl-custom-webhook-0001';
export const GITHUB_SECRET = 'e2e-github-secret-0001';

export const triggerCredentials: ImportedCredential[] = [
	{
		id: 'b2bE2eHaloHook01',
		name: 'HaloPSA webhook bearer (e2e)',
		type: 'b2bHaloPsaWebhookApi',
		data: { authMethod: 'bearer', token: HALO_HOOK_TOKEN },
	},
	{
		id: 'b2bE2eGhlHook001',
		name: 'GoHighLevel Custom Webhook bearer (e2e)',
		type: 'b2bGoHighLevelWebhookApi',
		data: { authMethod: 'bearer', token: GHL_HOOK_TOKEN },
	},
	{
		id: 'b2bE2eGithub0001',
		name: 'GitHub webhook secret (e2e)',
		type: 'b2bWebhookSecretApi',
		data: { secret: GITHUB_SECRET, format: 'text' },
	},
];

export const HALO_TRIGGER = { id: 'b2bE2eHaloTrig01', path: 'b2b-e2e-halopsa-events' };
export const GHL_CUSTOM = { id: 'b2bE2eGhlCustom1', path: 'b2b-e2e-ghl-custom-webhook' };
export const HELD = {
	id: 'b2bE2eHeldEnrch1',
	webhookId: 'b2b-e2e-held-enrichment',
	split: { id: 'b2bE2eHeldSplit1', webhookId: 'b2b-e2e-held-split', subId: 'b2bE2eHeldSubWf1' },
};

/**
 * The HaloPSA Trigger registering itself for two named events, the GoHighLevel Trigger behind a Custom Webhook
 * secret, and a GitHub-signed enrichment whose runs overlap, in one workflow and split in two.
 */
export const triggerWorkflows = () => [
	triggerWorkflow(HALO_TRIGGER.id, HALO_TRIGGER.path, {
		type: 'haloPsaTrigger',
		parameters: { register: true, events: [3, 76] },
		credentials: {
			b2bHaloPsaWebhookApi: { id: 'b2bE2eHaloHook01', name: 'HaloPSA webhook bearer (e2e)' },
			b2bHaloPsaOAuth2Api: { id: 'b2bSandboxHaloPsa', name: 'HaloPSA (sandbox)' },
		},
	}),
	triggerWorkflow(GHL_CUSTOM.id, GHL_CUSTOM.path, {
		type: 'goHighLevelTrigger',
		parameters: { authentication: 'customWebhook', output: 'person', options: { eventIdField: 'event_id' } },
		credentials: { b2bGoHighLevelWebhookApi: { id: 'b2bE2eGhlHook001', name: 'GoHighLevel Custom Webhook bearer (e2e)' } },
	}),
	...heldEnrichmentWorkflows(
		HELD,
		{ id: 'b2bE2eGithub0001', name: 'GitHub webhook secret (e2e)' },
		{ id: 'b2bSandboxApollo', name: 'Apollo (sandbox)' },
	),
];
