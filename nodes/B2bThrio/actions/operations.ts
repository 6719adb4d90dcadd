import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import * as recordConsent from './consent/record.operation';
import * as createContact from './contact/create.operation';
import * as getContact from './contact/get.operation';
import * as searchContacts from './contact/search.operation';
import * as updateContact from './contact/update.operation';
import * as addLead from './lead/add.operation';
import * as resetLead from './lead/reset.operation';
import * as upsertLeads from './lead/upsert.operation';
import * as sendSms from './sms/send.operation';

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** Every operation by resource; the node's description and its router both read this table. */
export const OPERATIONS: Record<string, Record<string, Operation>> = {
	lead: { add: addLead, reset: resetLead, upsert: upsertLeads },
	contact: { create: createContact, get: getContact, search: searchContacts, update: updateContact },
	consent: { record: recordConsent },
	sms: { send: sendSms },
};
