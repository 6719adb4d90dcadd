import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customFieldsCollection } from '../../../lib/node-kit';
import type { GhlCustomFieldInput } from '../../../lib/destinations/goHighLevel';
import type { GhlRun } from './run';

export function ghlCustomFieldsProperty(show: NonNullable<INodeProperties['displayOptions']>['show']): INodeProperties {
	return customFieldsCollection({
		name: 'customFields',
		displayName: 'Custom Fields',
		description: "The location's custom fields, by ID or by key (contact.lead_source): an expression may give either",
		show,
	});
}

/**
 * The item's custom fields in HighLevel's `[{id, field_value}]`. A field the location does not
 * have fails the item here, instead of HighLevel dropping it without a word.
 */
export async function customFieldsFor(ctx: IExecuteFunctions, run: GhlRun, itemIndex: number): Promise<GhlCustomFieldInput[] | undefined> {
	const entries = ((ctx.getNodeParameter('customFields', itemIndex, {}) as IDataObject).field ?? []) as Array<{
		field: string;
		value: unknown;
	}>;
	if (entries.length === 0) return undefined;
	const { customFields, unknown } = await run.customFields.resolve(entries, run.call(itemIndex));
	if (unknown.length > 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Item ${itemIndex}: the HighLevel location has no custom field ${unknown.map((field) => `"${field}"`).join(', ')}`,
			{
				itemIndex,
				description:
					'Pick the field from the list, or give its ID or its key (contact.xxx) as shown in HighLevel under Settings > Custom Fields.',
			},
		);
	}
	return customFields;
}
