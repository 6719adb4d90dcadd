import type { OperationTable } from '../../../lib/node-kit';
import { ENTITY_RESOURCES } from './crud';
import { syncResource } from './sync';

/** Every operation by resource; the node's description and routeOperation both read this table. */
export const OPERATIONS: OperationTable = { ...ENTITY_RESOURCES, sync: syncResource };
