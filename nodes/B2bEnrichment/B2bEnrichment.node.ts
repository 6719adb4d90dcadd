import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { providerCredentials, routeOperation } from '../../lib/node-kit';
import { OPERATIONS } from './actions/operations';
import { properties } from './description';

export class B2bEnrichment implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'B2B Enrichment',
		name: 'b2bEnrichment',
		icon: { light: 'file:enrichment.svg', dark: 'file:enrichment.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Enrich people and companies from Apollo, ZoomInfo, Hunter and UpLead, alone or as a waterfall that never pays twice',
		defaults: { name: 'B2B Enrichment' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: providerCredentials('providers'),
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, OPERATIONS);
	}
}
