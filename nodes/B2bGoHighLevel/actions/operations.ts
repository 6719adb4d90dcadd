import type { OperationTable } from '../../../lib/node-kit';
import { calendar } from './calendar';
import { contact } from './contact';
import { note } from './note';
import { opportunity } from './opportunity';
import { task } from './task';
import { workflow } from './workflow';

/** Every operation by resource; the node's description and routeOperation both read this table. */
export const OPERATIONS: OperationTable = { calendar, contact, note, opportunity, task, workflow };
