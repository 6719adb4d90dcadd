import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from '../../lib/signatures';
import { EVENT_OPTIONS } from './events';
import { HIGHLEVEL_ED25519_SPKI } from './keys';

/** The value saved workflows have none for: they keep verifying Marketplace signatures. */
export const MARKETPLACE = 'marketplaceSignature';
export const CUSTOM_WEBHOOK = 'customWebhook';
export const PERSON_OUTPUT = 'person';

const marketplaceOnly = { show: { authentication: [MARKETPLACE] } };
const customWebhookOnly = { show: { authentication: [CUSTOM_WEBHOOK] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'Marketplace Signature',
				value: MARKETPLACE,
				description: "A Marketplace app's webhooks, signed by HighLevel (X-GHL-Signature)",
			},
			{
				name: 'Custom Webhook Secret',
				value: CUSTOM_WEBHOOK,
				description: "A workflow's Custom Webhook action, which signs nothing: it sends the credential's secret",
			},
		],
		default: MARKETPLACE,
	},
	{
		displayName:
			'In your HighLevel Marketplace app open Advanced > Webhooks, set the webhook URL to the Production URL shown above and subscribe ' +
			'to the events you want. Calls are accepted only with a valid X-GHL-Signature.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
		displayOptions: marketplaceOnly,
	},
	{
		displayName:
			'In your HighLevel workflow add a Custom Webhook action: method POST, the Production URL shown above, the Authorization or header ' +
			"of the credential below, and a JSON body, e.g. the contact's merge fields. Calls without the secret are refused.",
		name: 'customWebhookNotice',
		type: 'notice',
		default: '',
		displayOptions: customWebhookOnly,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: [],
		displayOptions: marketplaceOnly,
		description:
			"Event types (the body's type) that start the workflow; none selected means every event. Other genuine events are answered 200 and " +
			'ignored.',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Raw', value: 'raw', description: 'The body as HighLevel sent it, with the headers and how the call was verified' },
			{
				name: 'Person',
				value: PERSON_OUTPUT,
				description:
					"Also the contact as the B2B nodes' person and company, and its HighLevel ID, tags and address, for the HaloPSA, Enrichment and " +
					'Thrio nodes to read',
			},
		],
		default: 'raw',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Ed25519 Public Key',
				name: 'ed25519PublicKey',
				type: 'string',
				typeOptions: { rows: 3 },
				default: HIGHLEVEL_ED25519_SPKI,
				displayOptions: { show: { '/authentication': [MARKETPLACE] } },
				description: "HighLevel's published key for X-GHL-Signature (base64 SPKI or PEM). Change it only when HighLevel rotates its key.",
			},
			{
				displayName: 'Event ID Field',
				name: 'eventIdField',
				type: 'string',
				default: '',
				placeholder: 'event_id',
				displayOptions: { show: { '/authentication': [CUSTOM_WEBHOOK] } },
				description:
					'Dotted path of a body field naming the event, e.g. "event_id": "{{contact.id}}-ContactCreate" in the body: a second call with ' +
					'the same value inside twice the tolerance is refused, and so is a call without it. Empty: the same body twice is the replay.',
			},
			{
				displayName: 'Legacy RSA Public Key',
				name: 'rsaPublicKey',
				type: 'string',
				typeOptions: { rows: 6 },
				default: '',
				displayOptions: { show: { '/authentication': [MARKETPLACE] } },
				description:
					"HighLevel's published RSA key for the legacy X-WH-Signature (PEM or base64 SPKI). Empty leaves the legacy scheme off, so calls " +
					'signed only that way are refused. HighLevel retires it on July 1, 2026.',
			},
			{
				displayName: 'Other Event Types',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'InvoiceCreate, OrderCreate',
				displayOptions: { show: { '/authentication': [MARKETPLACE] } },
				description: 'More event types to accept, separated by commas, when Events lists some',
			},
			{
				displayName: 'Timestamp Field',
				name: 'timestampField',
				type: 'string',
				default: '',
				placeholder: 'timestamp',
				displayOptions: { show: { '/authentication': [CUSTOM_WEBHOOK] } },
				description:
					'Dotted path of a body field holding when the call was made (ISO 8601, or epoch seconds or milliseconds). When set, a call ' +
					'without it or outside the tolerance is refused. Empty: no timestamp check.',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					"How far the body's timestamp may be from now; event IDs (a Custom Webhook's body without one) seen inside twice this window " +
					'are refused. 0 turns the timestamp check off.',
			},
		],
	},
];
