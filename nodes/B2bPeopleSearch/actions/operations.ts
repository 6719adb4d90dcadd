import type { OperationTable } from '../../../lib/node-kit';
import { company } from './company';
import { person } from './person';

/** Every operation by resource; the node's description and routeOperation both read this table. */
export const OPERATIONS: OperationTable = { company, person };
