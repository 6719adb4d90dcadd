import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { routeOperation } from '../../lib/node-kit';
import { OPERATIONS } from './actions/operations';
import { properties } from './description';
import * as loadOptions from './methods/loadOptions';

export class B2bGoHighLevel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel (B2B)',
		name: 'b2bGoHighLevel',
		icon: { light: 'file:goHighLevel.svg', dark: 'file:goHighLevel.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Push enriched people into HighLevel contacts and opportunities: upsert, look up, tag, custom fields by key, Return All past 100',
		defaults: { name: 'GoHighLevel (B2B)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'b2bGoHighLevelApi', required: true, displayOptions: { show: { authentication: ['privateIntegrationToken'] } } },
			{ name: 'b2bGoHighLevelSessionApi', required: true, displayOptions: { show: { authentication: ['sessionToken'] } } },
		],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, OPERATIONS);
	}
}
