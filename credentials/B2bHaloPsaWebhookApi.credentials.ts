/**
 * How HaloPSA authenticates the webhook calls it makes (Configuration > Integrations > Webhooks):
 * HaloPSA's own Basic, Bearer and API key header options, or the hex HMAC-SHA256 signature of the
 * raw body in `x-halopsa-signature`. Nothing can be sent to HaloPSA to test
 * it; the HaloPSA Trigger checks it is complete (`testedBy`) and compares it in constant time.
 */
import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { sharedSecretFields } from '../lib/webhooks/shared-secret';

export class B2bHaloPsaWebhookApi implements ICredentialType {
	name = 'b2bHaloPsaWebhookApi';

	displayName = 'HaloPSA (B2B) Webhook API';

	icon: Icon = { light: 'file:icons/halopsa.svg', dark: 'file:icons/halopsa.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-halopsa-b2b/n8n-nodes-halopsa-b2b#halopsa-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authMethod',
			type: 'options',
			options: [
				{ name: 'Basic Auth', value: 'basic', description: 'HaloPSA authentication type 1' },
				{ name: 'Bearer Token', value: 'bearer', description: 'HaloPSA authentication type 2' },
				{ name: 'API Key Header', value: 'apiKey', description: 'HaloPSA authentication type 3' },
				{
					name: 'HMAC Signature',
					value: 'hmac',
					description: 'Hex HMAC-SHA256 of the raw body in a header. HaloPSA itself does not sign: for a proxy or relay that does',
				},
			],
			default: 'basic',
			description: 'Set the same authentication on the webhook in HaloPSA',
		},
		...sharedSecretFields(),
		{
			displayName: 'Signing Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authMethod: ['hmac'] } },
		},
		{
			displayName: 'Signature Header',
			name: 'signatureHeader',
			type: 'string',
			default: 'x-halopsa-signature',
			displayOptions: { show: { authMethod: ['hmac'] } },
		},
	];
}
