import type { DisplayCondition, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { customFieldsCollection, optionsCollection, returnAllAndLimit } from '../../../../lib/node-kit';
import { haloCustomFieldsProperty } from '../custom-fields';
import { legacyField, recordLocator } from '../locators';
import { isRecordField, oneOf } from '../resources';
import type { FieldSpec, OperationName, ResourceDefinition } from '../resources';

/** Version 2 shows every record ID as a resource locator; version 1 keeps the numbers and dropdowns it saved. */
export type NodeVersion = 1 | 2;

const OPERATIONS: Array<{ name: string; value: OperationName; verb: string }> = [
	{ name: 'Create', value: 'create', verb: 'Create' },
	{ name: 'Delete', value: 'delete', verb: 'Delete' },
	{ name: 'Get', value: 'get', verb: 'Get' },
	{ name: 'Get Many', value: 'getMany', verb: 'Get many' },
	{ name: 'Update', value: 'update', verb: 'Update' },
];

const ALL_OPERATIONS = OPERATIONS.map((operation) => operation.value);

const OUTPUTS = {
	person: {
		name: 'Person',
		description:
			'Each contact as {person, company, raw}: the normalized person the Enrichment, Sync, HighLevel and Thrio nodes read as it comes',
	},
	company: {
		name: 'Company',
		description: 'Each client as {company, raw}: the normalized company the Enrichment and Sync nodes read as it comes',
	},
};

function sorted(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function fieldProperty(field: FieldSpec, version: NodeVersion): INodeProperties {
	if (!isRecordField(field)) return field;
	const { kind, ...property } = field;
	return version === 1 ? legacyField(kind, property) : recordLocator(kind, property);
}

function atVersions(property: INodeProperties, versions: Array<number | DisplayCondition>): INodeProperties {
	return { ...property, displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, '@version': versions } } };
}

/** A property as each version shows it: once where both agree, else one per version. */
function perVersion(render: (version: NodeVersion) => INodeProperties): INodeProperties[] {
	const [first, second] = [render(1), render(2)];
	if (JSON.stringify(first) === JSON.stringify(second)) return [first];
	return [atVersions(first, [1]), atVersions(second, [{ _cnd: { gte: 2 } }])];
}

/** The operation list and fields of one entity resource, from the resource table. */
export function entityProperties(resource: string, definition: ResourceDefinition): INodeProperties[] {
	const offered = definition.operations ?? ALL_OPERATIONS;
	const label = definition.label.toLowerCase();
	/** Properties shown for those of the operations the resource offers; none when it offers none of them. */
	const shownOn = (operations: OperationName[], render: (displayOptions: IDisplayOptions) => INodeProperties[]) => {
		const operation = operations.filter((value) => offered.includes(value));
		return operation.length > 0 ? render({ show: { resource: [resource], operation } }) : [];
	};
	const collection = (name: string, displayName: string, placeholder: string, fields: FieldSpec[], operation: OperationName) =>
		shownOn([operation], (displayOptions) =>
			perVersion((version) => ({
				displayName,
				name,
				type: 'collection',
				placeholder,
				displayOptions,
				default: {},
				options: sorted(fields.map((field) => fieldProperty(field, version))),
			})),
		);
	const direct = (fields: FieldSpec[], operation: OperationName) =>
		shownOn([operation], (displayOptions) =>
			fields.flatMap((field) => perVersion((version) => ({ ...fieldProperty(field, version), displayOptions }))),
		);
	const { kind, normalized } = definition;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: OPERATIONS.filter((operation) => offered.includes(operation.value)).map(({ name, value, verb }) => {
				const [shown, doing] = value === 'create' && definition.createVerb ? [definition.createVerb, definition.createVerb] : [name, verb];
				return { name: shown, value, action: `${doing} ${value === 'getMany' ? `${label}s` : oneOf(definition)}` };
			}),
			default: 'create',
		},
		...direct(definition.required, 'create'),
		...(kind === undefined
			? []
			: shownOn(['get', 'update', 'delete'], (displayOptions) =>
					perVersion((version) => ({
						...(version === 1
							? { displayName: `${definition.label} ID`, name: 'id', type: 'number' as const, default: 0 }
							: recordLocator(kind, { displayName: definition.label, name: 'id' })),
						required: true,
						displayOptions,
					})),
				)),
		...collection(
			'additionalFields',
			'Additional Fields',
			'Add Field',
			definition.optional.filter((field) => !definition.required.some((required) => required.name === field.name)),
			'create',
		),
		...collection('updateFields', 'Update Fields', 'Add Field', definition.optional, 'update'),
		...shownOn(['create', 'update'], (displayOptions) => [
			haloCustomFieldsProperty('customFields', 'Custom Fields', displayOptions.show),
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				displayOptions,
				default: '{}',
				description:
					`Any other field HaloPSA accepts for ${oneOf(definition)}, by its API name, as a JSON object merged into the record, e.g. ` +
					'{"notes": "Met at the fair"}. The fields set above win over the same names here; an ID is refused.',
			},
		]),
		...direct(definition.listBy ?? [], 'getMany'),
		...shownOn(['getMany'], (displayOptions) => returnAllAndLimit(displayOptions, 'HaloPSA is read 100 records per request.')),
		...collection('filters', 'Filters', 'Add Filter', definition.filters, 'getMany'),
		...(definition.customFieldFilters
			? shownOn(['getMany'], (displayOptions) => [
					customFieldsCollection({
						name: 'customFieldFilters',
						displayName: 'Custom Field Filters',
						description:
							"Only records whose custom field holds this value (case-insensitive); an empty value keeps those where it is empty or unset. HaloPSA's " +
							'list has no custom-field filter: the node reads the pages and keeps the matching records, and Limit counts those.',
						show: displayOptions.show,
					}),
				])
			: []),
		...(normalized === undefined
			? []
			: shownOn(['get', 'getMany'], (displayOptions) => [
					{
						displayName: 'Output',
						name: 'output',
						type: 'options',
						displayOptions,
						options: [
							{ name: 'Raw', value: 'raw', description: "HaloPSA's records as it sends them" },
							{ ...OUTPUTS[normalized], value: normalized },
						],
						default: 'raw',
					},
				])),
		...shownOn(['get'], (displayOptions) => [
			{
				displayName: 'Include Details',
				name: 'includeDetails',
				type: 'boolean',
				displayOptions,
				default: true,
				description: 'Whether to ask HaloPSA for the full record (includedetails)',
			},
		]),
		...shownOn(ALL_OPERATIONS, (displayOptions) => [optionsCollection(displayOptions.show)]),
	];
}
