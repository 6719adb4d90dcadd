import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation of an action node: the fields it shows and what it does with the node's input. */
export interface NodeOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** One resource: its Operation list (and any field all its operations share), and its operations by value. */
export interface NodeResource {
	description: INodeProperties[];
	operations: Record<string, NodeOperation>;
}

/** Every resource of a node by value. The node's description and routeOperation both read this one table. */
export type OperationTable = Record<string, NodeResource>;

/** The fields of every resource and operation, each operation's once even where resources share it. */
export function operationProperties(table: OperationTable): INodeProperties[] {
	const seen = new Set<NodeOperation>();
	return Object.values(table).flatMap((resource) => [
		...resource.description,
		...Object.values(resource.operations).flatMap((operation) => {
			if (seen.has(operation)) return [];
			seen.add(operation);
			return operation.description;
		}),
	]);
}

function entry<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Runs the operation the node is set to, with all its input items. */
export async function routeOperation(this: IExecuteFunctions, table: OperationTable): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = entry(entry(table, resource)?.operations ?? {}, operation);
	if (handler === undefined) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	return [await handler.execute.call(this, this.getInputData())];
}
