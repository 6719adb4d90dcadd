import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CallOptions } from '../../../lib/transport';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

export function callOptions(ctx: IExecuteFunctions, itemIndex: number): CallOptions {
	const { maxAttempts } = ctx.getNodeParameter('options', itemIndex, {}) as { maxAttempts?: number };
	return { itemIndex, maxAttempts };
}

export function outboundListField(show: Show): INodeProperties {
	return {
		displayName: 'Outbound List Name or ID',
		name: 'outboundListId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOutboundLists' },
		required: true,
		displayOptions: { show },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

export function idField(displayName: string, name: string, show: Show): INodeProperties {
	return { displayName, name, type: 'string', required: true, displayOptions: { show }, default: '' };
}

/** The address an SMS or a consent is for: the person's mobile when the item has one. */
export const PERSON_PHONE_EXPRESSION =
	'={{ ($json.person?.phones ?? []).find(p => p.type === "mobile")?.number ?? $json.person?.phones?.[0]?.number ?? $json.phone }}';
