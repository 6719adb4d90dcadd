import type { INodeProperties } from 'n8n-workflow';

const withUpdates = { show: { event: ['createdOrUpdated'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Records',
		name: 'entity',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Clients', value: 'Client' },
			{ name: 'Opportunities', value: 'Opportunities' },
			{ name: 'Tickets', value: 'Tickets' },
			{ name: 'Users (Contacts)', value: 'Users' },
		],
		default: 'Client',
	},
	{
		displayName: 'Trigger On',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'New Records', value: 'created' },
			{ name: 'New or Updated Records', value: 'createdOrUpdated' },
		],
		default: 'created',
		description: 'The first poll after activation only records where things stand: it never emits the records that already exist',
	},
	{
		displayName: 'Detect Updates By',
		name: 'detection',
		type: 'options',
		options: [
			{
				name: 'Automatic',
				value: 'auto',
				description: 'The last-changed field for clients (alastupdate), tickets and opportunities (lastactiondate); contents for users',
			},
			{ name: 'Last-Changed Field', value: 'updatedField', description: 'A date field HaloPSA updates on every change' },
			{
				name: 'Record Contents',
				value: 'contents',
				description: 'Reads every record each poll and compares it with the last poll; for records without a last-changed field',
			},
		],
		default: 'auto',
		displayOptions: withUpdates,
	},
	{
		displayName: 'Last-Changed Field',
		name: 'updatedField',
		type: 'string',
		default: '',
		placeholder: 'lastactiondate',
		displayOptions: { show: { event: ['createdOrUpdated'], detection: ['updatedField'] } },
		description: "The record field holding when it last changed; empty uses the entity's usual one",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Inactive',
				name: 'includeInactive',
				type: 'boolean',
				default: false,
				description: 'Whether to include inactive clients and users',
			},
			{
				displayName: 'Query Parameters',
				name: 'queryParameters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'HaloPSA list filters, e.g. client_id or requesttype_id (the ticket type)',
				options: [
					{
						displayName: 'Parameter',
						name: 'parameter',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Read Every Page',
				name: 'fullScan',
				type: 'boolean',
				default: false,
				description:
					'Whether to read all records on every poll instead of stopping at the first one already seen. Only needed if HaloPSA ignores the ' +
					'sort order; the node also falls back to it by itself when it notices that.',
			},
			{
				displayName: 'Records When Testing',
				name: 'testRecords',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 100 },
				default: 0,
				description:
					'On a manual test (Fetch Test Event) before any poll has recorded a cursor, return this many of the newest existing records so ' +
					'you can see their shape. Active workflows never emit existing records.',
			},
		],
	},
];
