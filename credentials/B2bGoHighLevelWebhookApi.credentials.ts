/**
 * The secret a HighLevel workflow's Custom Webhook action sends with each call, set in its
 * Authorization (Basic or Bearer) or as a header of its own. HighLevel signs nothing there, and
 * nothing can be sent to HighLevel to test the secret: the GoHighLevel Trigger checks it is
 * complete and long enough (`testedBy`) and compares it in constant time.
 */
import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { MIN_SHARED_SECRET_CHARS, sharedSecretFields } from '../lib/webhooks/shared-secret';

const SECRET_HINT = `At least ${MIN_SHARED_SECRET_CHARS} characters; a long random one is best, since it is all that protects the webhook URL.`;

export class B2bGoHighLevelWebhookApi implements ICredentialType {
	name = 'b2bGoHighLevelWebhookApi';

	displayName = 'GoHighLevel (B2B) Custom Webhook API';

	icon: Icon = { light: 'file:icons/gohighlevel.svg', dark: 'file:icons/gohighlevel.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-halopsa-b2b/n8n-nodes-halopsa-b2b#gohighlevel-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Send As',
			name: 'authMethod',
			type: 'options',
			options: [
				{ name: 'Basic Auth', value: 'basic', description: "The Custom Webhook's Authorization set to Basic Auth" },
				{ name: 'Bearer Token', value: 'bearer', description: "The Custom Webhook's Authorization set to Bearer Token" },
				{
					name: 'API Key Header',
					value: 'apiKey',
					description: "A header of your own naming, e.g. x-api-key, among the Custom Webhook's headers",
				},
			],
			default: 'bearer',
			description: 'How the Custom Webhook action in your HighLevel workflow sends the secret. Set the same there.',
		},
		...sharedSecretFields({
			username: 'The Basic Auth username the Custom Webhook sends.',
			password: `The Basic Auth password the Custom Webhook sends. ${SECRET_HINT}`,
			token: `The bearer token the Custom Webhook sends. ${SECRET_HINT}`,
			headerName: 'The header the Custom Webhook puts the secret in (any case).',
			apiKey: `The secret the Custom Webhook sends in that header. ${SECRET_HINT}`,
		}),
	];
}
