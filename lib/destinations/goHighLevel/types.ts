import type { IDataObject } from 'n8n-workflow';

/** A HighLevel record (contact, opportunity, location) as the API sends it. */
export type GhlRecord = IDataObject & { id?: string };

/** What a contact write sends for a custom field: HighLevel's own input format. */
export interface GhlCustomFieldInput {
	id: string;
	field_value: unknown;
}

export interface GhlCustomField {
	id: string;
	name?: string;
	/** `contact.<key>`: what HighLevel's merge fields and most integrations call the field. */
	fieldKey?: string;
	dataType?: string;
}

export interface GhlPipeline {
	id: string;
	name: string;
	stages: Array<{ id: string; name: string }>;
}

export type GhlFilterOperator = 'eq' | 'not_eq' | 'contains' | 'not_contains' | 'exists' | 'not_exists';

export interface GhlContactFilter {
	field: string;
	operator: GhlFilterOperator;
	value?: string;
}

export interface GhlContactSearch {
	query?: string;
	filters?: GhlContactFilter[];
}

export interface GhlUpsertResult {
	/** HighLevel's own verdict: true when no duplicate was found and a contact was created. */
	new: boolean;
	contact: GhlRecord;
	traceId?: string;
}
