import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimit } from '../../../../lib/node-kit';
import { haloCustomFieldsProperty } from '../custom-fields';
import type { ResourceDefinition } from '../resources';

const OPERATIONS = [
	{ name: 'Create', value: 'create', verb: 'Create' },
	{ name: 'Delete', value: 'delete', verb: 'Delete' },
	{ name: 'Get', value: 'get', verb: 'Get' },
	{ name: 'Get Many', value: 'getMany', verb: 'Get many' },
	{ name: 'Update', value: 'update', verb: 'Update' },
];

function sorted(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The operation list and fields of one entity resource, from the resource table. */
export function entityProperties(resource: string, definition: ResourceDefinition): INodeProperties[] {
	const on = (...operation: string[]) => ({ show: { resource: [resource], operation } });
	const label = definition.label.toLowerCase();
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: OPERATIONS.map((operation) => ({
				name: operation.name,
				value: operation.value,
				action: `${operation.verb} ${operation.value === 'getMany' ? `${label}s` : `a ${label}`}`,
			})),
			default: 'create',
		},
		...definition.required.map((field) => ({ ...field, displayOptions: on('create') })),
		{
			displayName: `${definition.label} ID`,
			name: 'id',
			type: 'number',
			required: true,
			displayOptions: on('get', 'update', 'delete'),
			default: 0,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			displayOptions: on('create'),
			default: {},
			options: sorted(definition.optional.filter((field) => !definition.required.some((required) => required.name === field.name))),
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			displayOptions: on('update'),
			default: {},
			options: sorted(definition.optional),
		},
		haloCustomFieldsProperty('customFields', 'Custom Fields', { resource: [resource], operation: ['create', 'update'] }),
		...returnAllAndLimit(on('getMany'), 'HaloPSA is read 100 records per request.'),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			displayOptions: on('getMany'),
			default: {},
			options: sorted(definition.filters),
		},
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'boolean',
			displayOptions: on('get'),
			default: true,
			description: 'Whether to ask HaloPSA for the full record (includedetails)',
		},
		optionsCollection(on('create', 'update', 'get', 'getMany', 'delete').show),
	];
}
