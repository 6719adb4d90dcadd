import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { routeOperation } from '../../lib/node-kit';
import { OPERATIONS } from './actions/operations';
import { properties } from './description';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class B2bGoHighLevel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoHighLevel (B2B)',
		name: 'b2bGoHighLevel',
		icon: { light: 'file:goHighLevel.svg', dark: 'file:goHighLevel.dark.svg' },
		group: ['output'],
		// Version 2: the contact operations of version 1 take the contact from a locator (a list or an ID)
		// instead of a Contact ID string; version 1 nodes keep the string field and run as before.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Push enriched people into HighLevel contacts and opportunities, and work their tasks, notes, appointments and workflows',
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

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, OPERATIONS);
	}
}
