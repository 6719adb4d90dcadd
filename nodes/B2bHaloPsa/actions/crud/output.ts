import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { HaloRecord } from '../../../../lib/destinations/haloPsa';
import { companyFromClient, personFromUser } from '../../../../lib/destinations/haloPsa/sync';
import { text } from '../../../../lib/normalize';
import type { ResourceDefinition } from '../resources';

/** Output: Person and Company, in the shape the people-search and enrichment nodes output and the sync nodes read. */
const NORMALIZED: Record<'person' | 'company', (record: HaloRecord) => IDataObject> = {
	person: (record) => {
		const clientName = text(record.client_name);
		return {
			person: personFromUser(record) as IDataObject,
			...(clientName ? { company: { name: clientName } } : {}),
			raw: record as IDataObject,
		};
	},
	company: (record) => ({ company: companyFromClient(record) as IDataObject, raw: record as IDataObject }),
};

/** Records as the item's Output parameter asks: HaloPSA's own, or the package's normalized shape. */
export function outputRecords(
	ctx: IExecuteFunctions,
	resource: ResourceDefinition,
	records: HaloRecord[],
	itemIndex: number,
): IDataObject[] {
	const { normalized } = resource;
	if (normalized === undefined || ctx.getNodeParameter('output', itemIndex, 'raw') !== normalized) return records as IDataObject[];
	return records.map(NORMALIZED[normalized]);
}
