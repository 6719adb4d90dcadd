import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { GhlConnection } from './connection';
import { recordsOf } from './contacts';
import type { GhlCustomField, GhlCustomFieldInput } from './types';

export async function listCustomFields(ctx: TransportContext, connection: GhlConnection, options?: CallOptions): Promise<GhlCustomField[]> {
	const body = await callJson<{ customFields: unknown }>(
		ctx,
		connection.profile,
		{ method: 'GET', path: `/locations/${encodeURIComponent(connection.locationId)}/customFields` },
		options,
	);
	return recordsOf(body.customFields).map((field) => ({
		id: String(field.id),
		name: typeof field.name === 'string' ? field.name : undefined,
		fieldKey: typeof field.fieldKey === 'string' ? field.fieldKey : undefined,
		dataType: typeof field.dataType === 'string' ? field.dataType : undefined,
	}));
}

/** `contact.lead_source`, `lead_source` and `{{ contact.lead_source }}` all name the same field. */
function bareKey(reference: string): string {
	return reference
		.replace(/^\{\{\s*|\s*\}\}$/g, '')
		.replace(/^contact\./i, '')
		.toLowerCase();
}

/** A field by its id, its key (with or without `contact.`), or its name, in that order. */
export function findCustomField(fields: GhlCustomField[], reference: string): GhlCustomField | undefined {
	const wanted = reference.trim();
	if (wanted === '') return undefined;
	const key = bareKey(wanted);
	return (
		fields.find((field) => field.id === wanted) ??
		fields.find((field) => field.fieldKey !== undefined && bareKey(field.fieldKey) === key) ??
		fields.find((field) => field.name?.toLowerCase() === wanted.toLowerCase())
	);
}

/**
 * A location's custom fields, read at most once per execution and only if some item names one.
 * HighLevel drops a field it does not know without a word, which is how custom fields "do not
 * save"; resolving here turns that into an error that names the field.
 */
export class CustomFieldCatalog {
	private fields: Promise<GhlCustomField[]> | undefined;

	constructor(
		private readonly ctx: TransportContext,
		private readonly connection: GhlConnection,
	) {}

	async list(options?: CallOptions): Promise<GhlCustomField[]> {
		if (this.fields === undefined) {
			const pending = listCustomFields(this.ctx, this.connection, options);
			this.fields = pending;
			// A failed read is not cached: the next item asks again.
			pending.catch(() => {
				if (this.fields === pending) this.fields = undefined;
			});
		}
		return await this.fields;
	}

	/** HighLevel's `[{id, field_value}]`, and the references the location has no field for. */
	async resolve(
		entries: Array<{ field: string; value: unknown }>,
		options?: CallOptions,
	): Promise<{ customFields: GhlCustomFieldInput[]; unknown: string[] }> {
		const fields = await this.list(options);
		const customFields: GhlCustomFieldInput[] = [];
		const unknown: string[] = [];
		for (const entry of entries) {
			const field = findCustomField(fields, String(entry.field));
			if (field === undefined) unknown.push(String(entry.field));
			else customFields.push({ id: field.id, field_value: entry.value });
		}
		return { customFields, unknown };
	}
}
