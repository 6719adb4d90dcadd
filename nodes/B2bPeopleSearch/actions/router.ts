import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as searchCompanies from './company/search.operation';
import * as searchPeople from './person/search.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	if (resource === 'person') return [await searchPeople.execute.call(this, items)];
	if (resource === 'company') return [await searchCompanies.execute.call(this, items)];
	throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not supported`);
}
