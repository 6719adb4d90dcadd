/**
 * A shared secret for webhooks signed with an HMAC (Apollo callbacks, the generic X-Webhook-Signature,
 * GitHub- and Stripe-style senders). There is no server to test it against: the trigger nodes that
 * use it check that it is well-formed (`testedBy`), and the first signed call proves it.
 */
import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class B2bWebhookSecretApi implements ICredentialType {
	name = 'b2bWebhookSecretApi';

	displayName = 'Webhook Secret (B2B) API';

	icon: Icon = { light: 'file:icons/webhook.svg', dark: 'file:icons/webhook.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-halopsa-b2b/n8n-nodes-halopsa-b2b#signed-webhook-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret the sender signs its webhooks with, as its dashboard shows it',
		},
		{
			displayName: 'Secret Format',
			name: 'format',
			type: 'options',
			options: [
				{ name: 'Text (Use as Typed)', value: 'text' },
				{ name: 'Base64 (Use the Bytes It Encodes)', value: 'base64' },
				{ name: 'Hex (Use the Bytes It Encodes)', value: 'hex' },
			],
			default: 'text',
			description:
				'Most senders (Stripe, GitHub, Apollo) use the secret as text. Choose Base64 for senders that document a base64 key, such as the ' +
				'part of a whsec_ secret after the prefix.',
		},
	];
}
