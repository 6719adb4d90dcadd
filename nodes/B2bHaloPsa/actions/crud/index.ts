import type { NodeOperation, NodeResource } from '../../../../lib/node-kit';

import { RESOURCES } from '../resources';
import type { OperationName } from '../resources';
import * as create from './create.operation';
import * as remove from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { entityProperties } from './fields';

const CRUD: Record<OperationName, NodeOperation> = { create, delete: remove, get, getMany, update };

/** Every entity resource: the operations HaloPSA allows on it (all five unless the table says), each resource with its own fields. */
export const ENTITY_RESOURCES: Record<string, NodeResource> = Object.fromEntries(
	Object.entries(RESOURCES).map(([resource, definition]) => [
		resource,
		{
			description: entityProperties(resource, definition),
			operations: Object.fromEntries(
				Object.entries(CRUD).filter(([operation]) => !definition.operations || definition.operations.includes(operation as OperationName)),
			),
		},
	]),
);
