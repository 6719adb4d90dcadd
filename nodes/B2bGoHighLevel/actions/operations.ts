import type { OperationTable } from '../../../lib/node-kit';
import { contact } from './contact';
import { opportunity } from './opportunity';

/** Every operation by resource; the node's description and routeOperation both read this table. */
export const OPERATIONS: OperationTable = { contact, opportunity };
