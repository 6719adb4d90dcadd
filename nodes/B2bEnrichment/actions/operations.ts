import type { OperationTable } from '../../../lib/node-kit';
import { person } from './person';
import { company } from './company';
import { email } from './email';
import { account } from './account';

/** Every operation by resource; the node's description and routeOperation both read this table. */
export const OPERATIONS: OperationTable = { person, company, email, account };
