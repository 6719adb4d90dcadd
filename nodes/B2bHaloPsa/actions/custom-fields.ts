import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customFieldsCollection } from '../../../lib/node-kit';
import { listAll } from '../../../lib/destinations/haloPsa';
import type { HaloRecord } from '../../../lib/destinations/haloPsa';

export function haloCustomFieldsProperty(
	name: string,
	displayName: string,
	show: NonNullable<INodeProperties['displayOptions']>['show'],
): INodeProperties {
	return customFieldsCollection({ name, displayName, description: 'Custom fields by name or ID: an expression may give either', show });
}

/**
 * HaloPSA's `customfields: [{id, value}]` from the parameter. A field may be given by name (as an
 * expression often does); names are resolved to ids from /FieldInfo, read once per execution.
 */
export class CustomFieldResolver {
	private definitions: Promise<HaloRecord[]> | undefined;

	constructor(private readonly ctx: IExecuteFunctions) {}

	async resolve(parameter: string, itemIndex: number): Promise<Array<{ id: number; value: unknown }> | undefined> {
		const entries = ((this.ctx.getNodeParameter(parameter, itemIndex, {}) as IDataObject).field ?? []) as Array<{
			field: string | number;
			value: unknown;
		}>;
		if (entries.length === 0) return undefined;
		const resolved = [];
		for (const entry of entries) resolved.push({ id: await this.idOf(entry.field, itemIndex), value: entry.value });
		return resolved;
	}

	private async idOf(field: string | number, itemIndex: number): Promise<number> {
		if (/^\d+$/.test(String(field).trim())) return Number(field);
		this.definitions ??= listAll(this.ctx, 'FieldInfo');
		const wanted = String(field).trim().toLowerCase();
		const match = (await this.definitions).find(
			(definition) => String(definition.name ?? '').toLowerCase() === wanted || String(definition.label ?? '').toLowerCase() === wanted,
		);
		if (match?.id === undefined) {
			throw new NodeOperationError(this.ctx.getNode(), `Item ${itemIndex}: HaloPSA has no custom field named "${String(field)}"`, {
				itemIndex,
				description: 'Check the name in HaloPSA under Configuration > Custom Objects > Custom Fields, or use the field ID.',
			});
		}
		return match.id;
	}
}

const comparable = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim().toLowerCase());

/**
 * Which records hold every custom field value a Custom Field Filters parameter asks for (by
 * value, or by the label HaloPSA shows for a lookup's value), case-insensitive; undefined when it
 * asks for none. An empty value asks for the field to be unset: empty, or absent from the
 * record's `customfields`. HaloPSA documents no list filter for custom fields, so this reads the records'
 * `customfields`; `noneListed` tells when no record read carried any, as a list that leaves them
 * out would, so nothing could match.
 */
export async function customFieldMatcher(
	resolver: CustomFieldResolver,
	parameter: string,
	itemIndex: number,
): Promise<{ matches(record: HaloRecord): boolean; noneListed(): boolean } | undefined> {
	const wanted = await resolver.resolve(parameter, itemIndex);
	if (!wanted) return undefined;
	let read = 0;
	let listed = 0;
	return {
		matches: (record) => {
			read++;
			if (!Array.isArray(record.customfields)) return false;
			listed++;
			const held = record.customfields as Array<{ id?: unknown; value?: unknown; display?: unknown } | null>;
			return wanted.every(({ id, value }) => {
				const field = held.find((entry) => entry?.id === id);
				if (comparable(value) === '') return comparable(field?.value) === '';
				return [field?.value, field?.display].some((shown) => comparable(shown) === comparable(value));
			});
		},
		noneListed: () => read > 0 && listed === 0,
	};
}
