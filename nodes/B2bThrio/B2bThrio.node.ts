import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { routeOperation } from '../../lib/node-kit';
import { OPERATIONS } from './actions/operations';
import { properties } from './description';
import * as loadOptions from './methods/loadOptions';

export class B2bThrio implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thrio (B2B)',
		name: 'b2bThrio',
		icon: { light: 'file:thrio.svg', dark: 'file:thrio.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Load enriched people into Thrio (Nextiva Contact Center) outbound lists and contacts, record opt-outs and send SMS',
		defaults: { name: 'Thrio (B2B)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'b2bThrioApi', required: true }],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, OPERATIONS);
	}
}
