import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from '../../lib/signatures';

const custom = { show: { preset: ['custom'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Signature Scheme',
		name: 'preset',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Apollo Phone Reveal (Secret in URL)',
				value: 'apolloUrlSecret',
				description: "Apollo's phone reveal callbacks are unsigned: the secret travels in the webhook URL's query string",
			},
			{ name: 'Apollo Signed (X-Apollo-Signature)', value: 'apollo', description: 'Hex HMAC-SHA256 of the body' },
			{ name: 'Custom', value: 'custom', description: 'Set header, algorithm, encoding, prefix and timestamp yourself' },
			{
				name: 'Generic X-Webhook-Signature',
				value: 'seedGeneric',
				description: 'Hex HMAC-SHA256 of "{timestamp}.{body}", timestamp in X-Webhook-Timestamp, 300 s tolerance',
			},
			{ name: 'GitHub Style (X-Hub-Signature-256)', value: 'github', description: '"sha256=" and the hex HMAC-SHA256 of the body' },
			{ name: 'Stripe Style (Stripe-Signature)', value: 'stripe', description: '"t=" timestamp and "v1=" hex HMAC-SHA256 of "{t}.{body}"' },
		],
		default: 'apollo',
	},
	{
		displayName:
			"Give Apollo this node's URL with <code>?token=</code> and the credential's secret appended (letters and digits, at least 16), e.g. " +
			'<code>https://your-n8n/webhook/…/webhook?token=SECRET</code>. A call without the right token is refused with 401; ' +
			'the token is never part of the output. A body received twice inside the window is refused as a replay.',
		name: 'urlSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { preset: ['apolloUrlSecret'] } },
	},
	{
		displayName: 'Query Parameter Name',
		name: 'queryParameter',
		type: 'string',
		default: 'token',
		required: true,
		displayOptions: { show: { preset: ['apolloUrlSecret'] } },
		description: 'Name of the query parameter carrying the secret',
	},
	{
		displayName: 'Signature Header',
		name: 'signatureHeader',
		type: 'string',
		default: 'X-Webhook-Signature',
		required: true,
		displayOptions: custom,
		description:
			'Header carrying the signature; several signatures separated by spaces (one per key while a secret is rotated) pass ' +
			'when one matches',
	},
	{
		displayName: 'Header Format',
		name: 'headerFormat',
		type: 'options',
		options: [
			{ name: 'Signature Only', value: 'plain' },
			{ name: 'Stripe Style (T=...,v1=...)', value: 'stripe' },
		],
		default: 'plain',
		displayOptions: custom,
	},
	{
		displayName: 'Algorithm',
		name: 'algorithm',
		type: 'options',
		options: [
			{ name: 'HMAC-SHA1', value: 'sha1' },
			{ name: 'HMAC-SHA256', value: 'sha256' },
			{ name: 'HMAC-SHA512', value: 'sha512' },
		],
		default: 'sha256',
		displayOptions: custom,
	},
	{
		displayName: 'Encoding',
		name: 'encoding',
		type: 'options',
		options: [
			{ name: 'Hex', value: 'hex' },
			{ name: 'Base64', value: 'base64' },
		],
		default: 'hex',
		displayOptions: custom,
	},
	{
		displayName: 'Signature Prefix',
		name: 'prefix',
		type: 'string',
		default: '',
		placeholder: 'sha256=',
		displayOptions: custom,
		description: 'Text before the signature in the header, if any',
	},
	{
		displayName: 'Timestamp Header',
		name: 'timestampHeader',
		type: 'string',
		default: '',
		placeholder: 'X-Webhook-Timestamp',
		displayOptions: custom,
		description: 'Header carrying the signed timestamp (epoch seconds, milliseconds or ISO 8601); required on every call when set',
	},
	{
		displayName: 'Signed Payload Layout',
		name: 'payloadLayout',
		type: 'string',
		default: '{body}',
		placeholder: '{timestamp}.{body}',
		displayOptions: custom,
		description:
			"What the sender signs: {body} is the raw body, {timestamp} the timestamp header's text, {eventId} the event ID header's text",
	},
	{
		displayName: 'Event ID Header',
		name: 'eventIdHeader',
		type: 'string',
		default: '',
		displayOptions: custom,
		description:
			"Header carrying a unique event ID (e.g. Standard Webhooks' webhook-ID); a repeated ID is refused. Put {eventId} in the layout so " +
			'it is signed, or a replay could simply change it.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Event Field',
				name: 'eventField',
				type: 'string',
				default: 'type',
				description: 'Dotted path of the body field naming the event, for the Events filter',
			},
			{
				displayName: 'Event ID Body Field',
				name: 'eventIdBodyField',
				type: 'string',
				default: '',
				description:
					'Dotted path of a body field holding a unique event ID; a repeated ID, or a body without one, is refused. Stripe style uses the ' +
					'event ID in the body unless this is set.',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'string',
				default: '',
				placeholder: 'invoice.paid, customer.created',
				description:
					'Event values to accept, separated by commas (case-insensitive); empty accepts all. Other genuine events are answered 200 and ' +
					'ignored.',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					'How far a signed timestamp may be from now; event IDs seen inside twice this window are refused. 0 turns the timestamp check off.',
			},
		],
	},
];
