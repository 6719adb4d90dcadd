import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as getUsage from './account/getUsage.operation';
import * as enrichCompany from './company/enrich.operation';
import * as domainSearch from './email/domainSearch.operation';
import * as verifyEmail from './email/verify.operation';
import * as enrichPerson from './person/enrich.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	switch (`${resource}.${operation}`) {
		case 'person.enrich':
		case 'person.findEmail':
			return [await enrichPerson.execute.call(this, items, operation)];
		case 'company.enrich':
			return [await enrichCompany.execute.call(this, items)];
		case 'email.verify':
			return [await verifyEmail.execute.call(this, items)];
		case 'email.domainSearch':
			return [await domainSearch.execute.call(this, items)];
		case 'account.getUsage':
			return [await getUsage.execute.call(this, items)];
		default:
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
}
