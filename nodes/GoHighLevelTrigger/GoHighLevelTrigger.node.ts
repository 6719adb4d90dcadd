import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from '../../lib/signatures';
import {
	checkSharedSecretCredential,
	handleWebhook,
	isAllowed,
	listOf,
	registeredBySender,
	sharedSecretProblem,
	sharedSecretVerifier,
	valueAt,
} from '../../lib/webhooks';
import type { WebhookPolicy } from '../../lib/webhooks';
import { CUSTOM_WEBHOOK, MARKETPLACE, PERSON_OUTPUT, properties } from './description';
import { highLevelKeys, highLevelVerifier } from './keys';
import { contactOfCustomWebhook, contactOfMarketplaceEvent } from './person';

export class GoHighLevelTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel Trigger',
		name: 'goHighLevelTrigger',
		icon: { light: 'file:goHighLevel.svg', dark: 'file:goHighLevel.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves as 1. n8n evaluates a leftover expression for every call to a version-1 webhook
		// node (its Webhook node v1's binary option), which costs an expression isolate per request.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{$parameter["authentication"] === "customWebhook" ? "Custom Webhook" : $parameter["events"].length ? $parameter["events"].join(", ") : "All events"}}',
		description:
			"Starts the workflow on HighLevel Marketplace webhooks signed with HighLevel's key, or on a workflow's Custom Webhook with your secret",
		defaults: { name: 'GoHighLevel Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'b2bGoHighLevelWebhookApi',
				required: true,
				testedBy: 'goHighLevelWebhookCredentialCheck',
				displayOptions: { show: { authentication: [CUSTOM_WEBHOOK] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties,
	};

	methods = {
		credentialTest: { goHighLevelWebhookCredentialCheck: checkSharedSecretCredential },
	};

	// HighLevel takes the webhook URL in the marketplace app's settings or the workflow's action, not through an API.
	webhookMethods = { default: registeredBySender };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const toleranceSeconds = typeof options.toleranceSeconds === 'number' ? options.toleranceSeconds : DEFAULT_TOLERANCE_SECONDS;
		const custom = this.getNodeParameter('authentication', MARKETPLACE) === CUSTOM_WEBHOOK;
		const policy = custom ? await customWebhookPolicy(this, options, toleranceSeconds) : marketplacePolicy(this, options, toleranceSeconds);
		if (this.getNodeParameter('output', 'raw') === PERSON_OUTPUT)
			policy.describe = custom ? contactOfCustomWebhook : contactOfMarketplaceEvent;
		return await handleWebhook(this, policy);
	}
}

function marketplacePolicy(ctx: IWebhookFunctions, options: IDataObject, toleranceSeconds: number): WebhookPolicy {
	const keys = highLevelKeys(ctx.getNode(), String(options.ed25519PublicKey ?? ''), String(options.rsaPublicKey ?? ''));
	const selected = ctx.getNodeParameter('events', []) as string[];
	const events = selected.length > 0 ? [...selected, ...listOf(options.otherEvents)] : [];
	return {
		verify: highLevelVerifier(keys),
		toleranceSeconds,
		bodyTimestampField: 'timestamp',
		eventId: { bodyField: 'webhookId' },
		ignoreReason: (body) => (isAllowed(valueAt(body, 'type'), events) ? undefined : 'event type not selected'),
	};
}

async function customWebhookPolicy(ctx: IWebhookFunctions, options: IDataObject, toleranceSeconds: number): Promise<WebhookPolicy> {
	const credentials = await ctx.getCredentials('b2bGoHighLevelWebhookApi');
	const problem = sharedSecretProblem(credentials);
	if (problem !== undefined)
		throw new NodeOperationError(ctx.getNode(), `The GoHighLevel Custom Webhook credential is not usable: ${problem}`);
	const timestampField = String(options.timestampField ?? '').trim();
	const eventIdField = String(options.eventIdField ?? '').trim();
	return {
		verify: sharedSecretVerifier(credentials),
		toleranceSeconds,
		bodyTimestampField: timestampField || undefined,
		// The workflow's body carries no id unless the user puts one in: then the same body twice is the replay.
		eventId: eventIdField ? { bodyField: eventIdField } : { bodyDigest: true },
	};
}
