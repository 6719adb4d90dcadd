import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as create from './crud/create.operation';
import * as remove from './crud/delete.operation';
import * as get from './crud/get.operation';
import * as getMany from './crud/getMany.operation';
import * as update from './crud/update.operation';
import { RESOURCES } from './resources';
import * as sync from './sync/sync.operation';

const CRUD = { create, delete: remove, get, getMany, update } as const;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource === 'sync' && operation === 'sync') return [await sync.execute.call(this, items)];
	if (resource in RESOURCES && operation in CRUD) return [await CRUD[operation as keyof typeof CRUD].execute.call(this, items)];
	throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
}
