import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from '../../lib/signatures';
import { handleWebhook, isAllowed, listOf, registeredBySender, valueAt } from '../../lib/webhooks';
import { properties } from './description';
import { highLevelKeys, highLevelVerifier } from './keys';

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
		subtitle: '={{$parameter["events"].length ? $parameter["events"].join(", ") : "All events"}}',
		description: "Starts the workflow on HighLevel webhooks signed with HighLevel's key",
		defaults: { name: 'GoHighLevel Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties,
	};

	// HighLevel takes the webhook URL in the marketplace app's settings, not through an API.
	webhookMethods = { default: registeredBySender };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const keys = highLevelKeys(this.getNode(), String(options.ed25519PublicKey ?? ''), String(options.rsaPublicKey ?? ''));
		const selected = this.getNodeParameter('events', []) as string[];
		const events = selected.length > 0 ? [...selected, ...listOf(options.otherEvents)] : [];
		return await handleWebhook(this, {
			verify: highLevelVerifier(keys),
			toleranceSeconds: typeof options.toleranceSeconds === 'number' ? options.toleranceSeconds : DEFAULT_TOLERANCE_SECONDS,
			bodyTimestampField: 'timestamp',
			eventId: { bodyField: 'webhookId' },
			ignoreReason: (body) => (isAllowed(valueAt(body, 'type'), events) ? undefined : 'event type not selected'),
		});
	}
}
