import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { routeOperation } from '../../lib/node-kit';
import { OPERATIONS } from './actions/operations';
import { properties } from './description';
import { listSearch } from './actions/locators';
import * as loadOptions from './methods/loadOptions';

export class B2bHaloPsa implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaloPSA (B2B)',
		name: 'b2bHaloPsa',
		icon: { light: 'file:haloPsa.svg', dark: 'file:haloPsa.dark.svg' },
		group: ['output'],
		// Version 2 turned record IDs (Get, Update and Delete IDs, client_id, site_id, user_id, ticket_id) into resource
		// locators; version 1 keeps the numbers and dropdowns its saved workflows hold. Both run the same operations.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Sync people and companies into HaloPSA clients, sites, contacts and opportunities, and manage them, their actions, quotes, assets, contracts and appointments',
		defaults: { name: 'HaloPSA (B2B)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'b2bHaloPsaOAuth2Api', required: true }],
		properties,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, OPERATIONS);
	}
}
