import type { OperationTable } from '../../../lib/node-kit';
import { lead } from './lead';
import { contact } from './contact';
import { consent } from './consent';
import { sms } from './sms';

/** Every operation by resource; the node's description and routeOperation both read this table. */
export const OPERATIONS: OperationTable = { lead, contact, consent, sms };
