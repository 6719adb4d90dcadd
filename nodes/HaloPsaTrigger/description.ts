import type { INodeProperties } from 'n8n-workflow';

import { eventOptions } from './events';

const registerOn = { show: { register: [true] } };

export const properties: INodeProperties[] = [
	{
		displayName:
			'In HaloPSA open Configuration > Integrations > Webhooks and add a webhook: the Production URL shown above, method POST, content ' +
			'type JSON, and the authentication of the HaloPSA Webhook credential. Then bind it to the events you want in its Notifications. Or ' +
			'turn on Register in HaloPSA and n8n does this on activation.',
		name: 'manualSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { register: [false] } },
	},
	{
		displayName: 'Register in HaloPSA',
		name: 'register',
		type: 'boolean',
		default: false,
		description:
			'Whether to create the webhook and its notifications in HaloPSA when the workflow is activated, and remove them when it is ' +
			'deactivated. Needs a HaloPSA API credential allowed to edit webhooks.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions,
		default: [],
		description:
			'The HaloPSA events that start the workflow: with Register in HaloPSA the webhook is bound to them, and a call naming another ' +
			'event is ignored. Without registration, no event chosen here or below accepts every event.',
	},
	{
		// The name the parameter had before the Events list, so the numbers saved workflows hold are still read.
		displayName: 'Other Event Numbers',
		name: 'eventNumbers',
		type: 'string',
		default: '',
		placeholder: '5, 17',
		description:
			'Events missing from the list above, by their HaloPSA number (eventno), separated by commas. An existing notification shows ' +
			'its number in GET /api/Notification.',
	},
	{
		displayName: 'Registration Options',
		name: 'registration',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: registerOn,
		options: [
			{
				displayName: 'Additional Webhook Fields (JSON)',
				name: 'additionalFields',
				type: 'json',
				default: '{}',
				description:
					'More fields for POST /Webhook, e.g. {"method": "POST"} if your HaloPSA expects the method by name. Never put secrets here: they ' +
					'belong in the credential.',
			},
			{
				displayName: 'API Key Name Field',
				name: 'fieldForHeaderName',
				type: 'string',
				default: 'api_key_name',
				description: 'The HaloPSA webhook field that holds the API key header name (not published by HaloPSA)',
			},
			{
				displayName: 'API Key Value Field',
				name: 'fieldForHeaderValue',
				type: 'string',
				default: 'api_key_value',
				description: 'The HaloPSA webhook field that holds the API key header value (not published by HaloPSA)',
			},
			{
				displayName: 'Bearer Token Field',
				name: 'fieldForBearer',
				type: 'string',
				default: 'bearer_token',
				description: 'The HaloPSA webhook field that holds the bearer token (not published by HaloPSA)',
			},
			{
				displayName: 'Content Type',
				name: 'contentType',
				type: 'options',
				options: [
					{ name: 'JSON', value: 'application/json' },
					{ name: 'Form URL-Encoded', value: 'application/x-www-form-urlencoded' },
				],
				default: 'application/json',
			},
			{
				displayName: 'Webhook Name',
				name: 'webhookName',
				type: 'string',
				default: '',
				description: 'The name shown in HaloPSA; "n8n: workflow name / node name" when empty',
			},
		],
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only start the workflow for some of what HaloPSA sends; other calls are answered 200 and ignored',
		options: [
			{
				displayName: 'Event Field',
				name: 'eventField',
				type: 'string',
				default: 'event',
				description: 'Dotted path of the payload field naming the event',
			},
			{
				displayName: 'Event Values',
				name: 'events',
				type: 'string',
				default: '',
				placeholder: 'Ticket Logged, Ticket Updated',
				description: 'Values of the Event Field to accept, separated by commas (case-insensitive); empty accepts all',
			},
			{
				displayName: 'Object Type Field',
				name: 'objectTypeField',
				type: 'string',
				default: 'object_type',
				description: 'Dotted path of the payload field naming the object type',
			},
			{
				displayName: 'Object Types',
				name: 'objectTypes',
				type: 'string',
				default: '',
				placeholder: 'Ticket, Client',
				description: 'Object types to accept, separated by commas (case-insensitive); empty accepts all',
			},
		],
	},
];
