import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { providerCredentials, routeOperation } from '../../lib/node-kit';
import { OPERATIONS } from './actions/operations';
import { properties } from './description';

export class B2bPeopleSearch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'B2B People Search',
		name: 'b2bPeopleSearch',
		icon: { light: 'file:peopleSearch.svg', dark: 'file:peopleSearch.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{"Search " + $parameter["resource"] + ": " + $parameter["provider"]}}',
		description: 'Find people and companies in Apollo, ZoomInfo and UpLead',
		defaults: { name: 'B2B People Search' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// People and company searches name their provider in the same parameter, so one entry each serves both.
		credentials: providerCredentials('provider', ['apollo', 'zoomInfo', 'upLead']),
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, OPERATIONS);
	}
}
