export { THRIO_PAGE_SIZE, createObject, getObject, listAll, listPage, updateObject } from './data';
export type { ThrioPage, ThrioRecord } from './data';
export { DEFAULT_LEADS_PER_UPSERT, MAX_LEADS_PER_UPSERT, addLead, listOutboundLists, resetLead, upsertLeads } from './leads';
export type { LeadOutcome } from './leads';
export { COMM_TYPES, recordConsent, sendSms } from './messaging';
export type { CommConsent, CommType, Sms } from './messaging';
export { personRecordFromItem } from './mapping';
export { thrioProfile } from './profile';
