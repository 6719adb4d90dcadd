import type { INodeProperties } from 'n8n-workflow';

/** Offered in every node's options: how hard the transport tries before failing an item. */
export const maxAttemptsOption: INodeProperties = {
	displayName: 'Max Attempts',
	name: 'maxAttempts',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10 },
	default: 5,
	description:
		'How many times a request is tried when the provider fails with a server error or is unreachable. Writes whose outcome is unknown ' +
		'are never repeated. Rate-limit refusals are waited out (up to 15 minutes per request) and do not count.',
};

export function returnAllAndLimit(displayOptions: INodeProperties['displayOptions'], maxHint: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions,
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { ...displayOptions, show: { ...(displayOptions?.show ?? {}), returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: `Max number of results to return. ${maxHint}`,
		},
	];
}

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/**
 * A list of custom fields to set: each chosen from the live list (`loadOptionsMethod`) or given by
 * an expression as whatever the node resolves (an ID, a name, a key).
 */
export function customFieldsCollection(spec: {
	name: string;
	displayName: string;
	description: string;
	show: Show;
	loadOptionsMethod?: string;
}): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		description: spec.description,
		displayOptions: { show: spec.show },
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: spec.loadOptionsMethod ?? 'getCustomFields' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** The Additional Fields collection of an operation: the optional fields, in the order given. */
export function additionalFieldsCollection(show: Show, options: INodeProperties[], description?: string): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		displayOptions: { show },
		default: {},
		...(description === undefined ? {} : { description }),
		options,
	};
}

/** The Options collection of an operation: Max Attempts and the operation's own options, in alphabetical order. */
export function optionsCollection(show: Show, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show },
		default: {},
		options: [...extra, maxAttemptsOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
