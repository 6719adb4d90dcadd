import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { eachItem, optionsCollection } from '../../../../lib/node-kit';
import type { CallOptions } from '../../../../lib/transport';
import { tagList } from '../../../../lib/destinations/goHighLevel';
import type { GhlConnection } from '../../../../lib/destinations/goHighLevel';
import type { TransportContext } from '../../../../lib/transport';
import { contactIdFields } from '../fields';
import { contactIdOf } from '../read';
import type { GhlRun } from '../run';

type TagCall = (ctx: TransportContext, connection: GhlConnection, id: string, tags: string[], options?: CallOptions) => Promise<string[]>;

export function tagsDescription(operation: string, verb: string): INodeProperties[] {
	const show = { resource: ['contact'], operation: [operation] };
	return [
		...contactIdFields(show),
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			required: true,
			displayOptions: { show },
			default: '',
			placeholder: 'lead, apollo',
			description: `Comma-separated tags to ${verb} (an expression may give a list)`,
		},
		optionsCollection(show),
	];
}

/** Either tag call, item by item; the output is the contact's tags after it. */
export async function executeTags(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	run: GhlRun,
	tagCall: TagCall,
): Promise<INodeExecutionData[]> {
	return await eachItem(ctx, items, async (itemIndex) => {
		const id = contactIdOf(ctx, itemIndex);
		const tags = tagList(ctx.getNodeParameter('tags', itemIndex));
		if (tags.length === 0) throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: no tags given`, { itemIndex });
		return { id, tags: await tagCall(ctx, run.connection, id, tags, run.call(itemIndex)) };
	});
}
