import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { operationProperties, routeOperation } from '../../lib/node-kit';
import type { NodeOperation, OperationTable } from '../../lib/node-kit';
import { OPERATIONS as HALO_PSA } from '../../nodes/B2bHaloPsa/actions/operations';

const operation = (name: string): NodeOperation => ({
	description: [{ displayName: name, name, type: 'string', default: '' }],
	execute: async (items: INodeExecutionData[]) => items.map((item) => ({ json: { ...item.json, ran: name } })),
});

const shared = operation('shared');
const TABLE: OperationTable = {
	a: {
		description: [{ displayName: 'Operation', name: 'operation', type: 'options', options: [], default: 'x' }],
		operations: { x: operation('ax'), s: shared },
	},
	b: { description: [], operations: { s: shared } },
};

function context(resource: string, op: string): IExecuteFunctions {
	return {
		getNodeParameter: (name: string) => (name === 'resource' ? resource : op),
		getInputData: () => [{ json: { id: 1 } }],
		getNode: () => ({ name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }),
	} as unknown as IExecuteFunctions;
}

describe('the operation table', () => {
	it("lists each resource's own fields, then each operation's, an operation shared by resources once", () => {
		expect(operationProperties(TABLE).map((property) => property.name)).toEqual(['operation', 'ax', 'shared']);
	});

	it('runs the operation the node is set to with all its input items', async () => {
		await expect(routeOperation.call(context('b', 's'), TABLE)).resolves.toEqual([[{ json: { id: 1, ran: 'shared' } }]]);
		await expect(routeOperation.call(context('a', 'x'), TABLE)).resolves.toEqual([[{ json: { id: 1, ran: 'ax' } }]]);
	});

	it.each([
		['a', 'nope'],
		['nope', 'x'],
		['a', 'constructor'],
		['toString', 'x'],
	])('refuses resource "%s" with operation "%s", naming both', async (resource, op) => {
		await expect(routeOperation.call(context(resource, op), TABLE)).rejects.toThrow(
			`The operation "${op}" of "${resource}" is not supported`,
		);
	});

	it('gives HaloPSA the five entity operations on each entity resource, actions Add and Get Many only, and Sync its own', () => {
		const entities = ['appointment', 'asset', 'client', 'contract', 'opportunity', 'quote', 'site', 'ticket', 'user'];
		expect(Object.keys(HALO_PSA).sort()).toEqual(['action', ...entities, 'sync'].sort());
		for (const resource of entities) {
			expect(Object.keys(HALO_PSA[resource].operations).sort()).toEqual(['create', 'delete', 'get', 'getMany', 'update']);
		}
		expect(Object.keys(HALO_PSA.action.operations).sort()).toEqual(['create', 'getMany']);
		expect(HALO_PSA.action.description.find((property) => property.name === 'operation')?.options).toEqual([
			{ name: 'Add', value: 'create', action: 'Add an action' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many actions' },
		]);
		expect(Object.keys(HALO_PSA.sync.operations)).toEqual(['sync']);
	});
});
