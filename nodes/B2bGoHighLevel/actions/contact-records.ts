import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { eachItem, optionsCollection, returnAllAndLimit } from '../../../lib/node-kit';
import type { NodeOperation } from '../../../lib/node-kit';
import type { CallOptions, TransportContext } from '../../../lib/transport';
import type { GhlConnection, GhlRecord } from '../../../lib/destinations/goHighLevel';
import { contactLocator } from './fields';
import { contactIdOf } from './read';
import { GhlRun } from './run';

type ListOfContact = (ctx: TransportContext, connection: GhlConnection, contactId: string, options?: CallOptions) => Promise<GhlRecord[]>;

/**
 * Get Many of records that hang off a contact (tasks, notes): HighLevel answers them all in one
 * request, so the Limit is applied here.
 */
export function contactRecordsGetMany(resource: string, plural: string, list: ListOfContact): NodeOperation {
	const show = { resource: [resource], operation: ['getMany'] };
	return {
		description: [
			contactLocator(show),
			...returnAllAndLimit({ show }, `HighLevel answers all of a contact's ${plural} in one request.`),
			optionsCollection(show),
		],
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
			const run = await GhlRun.start(this);
			return await eachItem(this, items, async (itemIndex) => {
				const contactId = contactIdOf(this, itemIndex);
				const limit = this.getNodeParameter('returnAll', itemIndex) ? Infinity : (this.getNodeParameter('limit', itemIndex) as number);
				return (await list(this, run.connection, contactId, run.call(itemIndex))).slice(0, limit);
			});
		},
	};
}
