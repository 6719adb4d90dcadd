import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS, hmacSchemeProblem, verifyHmac, verifyUrlSecret } from '../../lib/signatures';
import { checkWebhookSecret, credentialSecret, handleWebhook, isAllowed, listOf, registeredBySender, valueAt } from '../../lib/webhooks';
import { properties } from './description';
import type { WebhookBody } from '../../lib/webhooks';
import { CUSTOM_FIELDS, MIN_URL_SECRET_CHARS, URL_SECRET_PRESET, schemeFromParameters } from './presets';
import type { PresetName } from './presets';

export class SignedWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Signed Webhook Trigger',
		name: 'signedWebhookTrigger',
		icon: { light: 'file:signedWebhook.svg', dark: 'file:signedWebhook.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves as 1. n8n evaluates a leftover expression for every call to a version-1 webhook
		// node (its Webhook node v1's binary option), which costs an expression isolate per request.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["preset"]}}',
		description:
			'Starts the workflow on webhooks carrying a valid HMAC signature (Apollo, GitHub, Stripe style or custom), or a secret in the URL',
		defaults: { name: 'Signed Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'b2bWebhookSecretApi', required: true, testedBy: 'webhookSecretCheck' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties,
	};

	methods = {
		credentialTest: { webhookSecretCheck: checkWebhookSecret },
	};

	// The URL and secret are entered in the sender's dashboard; there is no API to register them.
	webhookMethods = { default: registeredBySender };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const toleranceSeconds = typeof options.toleranceSeconds === 'number' ? options.toleranceSeconds : DEFAULT_TOLERANCE_SECONDS;
		const preset = this.getNodeParameter('preset') as PresetName;
		const credentials = await this.getCredentials('b2bWebhookSecretApi');
		const events = listOf(options.events);
		const eventField = String(options.eventField || 'type');
		const ignoreReason = (body: WebhookBody) =>
			isAllowed(valueAt(body, eventField), events) ? undefined : `${eventField} is not one of the selected events`;
		// Without an id, a second identical body inside the window is the replay (GitHub signs the body alone).
		const eventIdOf = (bodyField: string) => (bodyField ? { bodyField } : { bodyDigest: true });

		if (preset === URL_SECRET_PRESET) {
			const secret = typeof credentials.secret === 'string' ? credentials.secret : '';
			if (secret.length < MIN_URL_SECRET_CHARS)
				throw new NodeOperationError(this.getNode(), `A secret sent in the URL must be at least ${MIN_URL_SECRET_CHARS} characters long`);
			const parameter = this.getNodeParameter('queryParameter', 'token') as string;
			return await handleWebhook(this, {
				verify: () => verifyUrlSecret(this.getQueryData(), parameter, secret),
				toleranceSeconds,
				eventId: eventIdOf(String(options.eventIdBodyField || '')),
				ignoreReason,
			});
		}

		const custom: IDataObject = {};
		for (const name of CUSTOM_FIELDS) custom[name] = this.getNodeParameter(name, '') as string;
		const { scheme, eventIdBodyField, passHeaders } = schemeFromParameters(preset, custom, toleranceSeconds);
		const problem = hmacSchemeProblem(scheme);
		if (problem !== undefined) throw new NodeOperationError(this.getNode(), `The signature settings are not usable: ${problem}`);
		const secret = credentialSecret(credentials);
		if (secret === undefined || secret.length === 0)
			throw new NodeOperationError(this.getNode(), 'The signing secret is empty or does not decode in its chosen format');
		const bodyField = String(options.eventIdBodyField || eventIdBodyField || '');
		return await handleWebhook(this, {
			verify: (request, now) => verifyHmac(scheme, secret, request, now),
			toleranceSeconds,
			eventId: scheme.eventIdHeader ? { header: scheme.eventIdHeader } : eventIdOf(bodyField),
			ignoreReason,
			passHeaders,
		});
	}
}
