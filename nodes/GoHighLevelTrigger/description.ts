import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from '../../lib/signatures';
import { EVENT_OPTIONS } from './events';
import { HIGHLEVEL_ED25519_SPKI } from './keys';

export const properties: INodeProperties[] = [
	{
		displayName:
			'In your HighLevel Marketplace app open Advanced > Webhooks, set the webhook URL to the Production URL shown above and subscribe ' +
			'to the events you want. Calls are accepted only with a valid X-GHL-Signature.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: [],
		description:
			"Event types (the body's type) that start the workflow; none selected means every event. Other genuine events are answered 200 and " +
			'ignored.',
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
				description: "HighLevel's published key for X-GHL-Signature (base64 SPKI or PEM). Change it only when HighLevel rotates its key.",
			},
			{
				displayName: 'Legacy RSA Public Key',
				name: 'rsaPublicKey',
				type: 'string',
				typeOptions: { rows: 6 },
				default: '',
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
				description: 'More event types to accept, separated by commas, when Events lists some',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					"How far the body's timestamp may be from now; webhookIds seen inside twice this window are refused. 0 turns the timestamp check off.",
			},
		],
	},
];
