import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as addTags from './contact/addTags.operation';
import * as deleteContact from './contact/delete.operation';
import * as getContact from './contact/get.operation';
import * as getManyContacts from './contact/getMany.operation';
import * as lookup from './contact/lookup.operation';
import * as removeTags from './contact/removeTags.operation';
import * as updateContact from './contact/update.operation';
import * as upsert from './contact/upsert.operation';
import * as createOpportunity from './opportunity/create.operation';
import * as getManyOpportunities from './opportunity/getMany.operation';
import * as updateOpportunity from './opportunity/update.operation';
import type { GhlRun } from './run';

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[], run: GhlRun): Promise<INodeExecutionData[]>;
}

/** Every operation by resource; the node's description and its router both read this table. */
export const OPERATIONS: Record<string, Record<string, Operation>> = {
	contact: { addTags, delete: deleteContact, get: getContact, getMany: getManyContacts, lookup, removeTags, update: updateContact, upsert },
	opportunity: { create: createOpportunity, getMany: getManyOpportunities, update: updateOpportunity },
};
