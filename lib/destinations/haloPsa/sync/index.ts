export { syncToHaloPsa } from './sync';
export type {
	EntityOutcome,
	FieldPolicy,
	InactiveRecords,
	ItemSyncResult,
	OpportunitySettings,
	SyncInput,
	SyncSettings,
	WhenNoClient,
} from './types';
export { UPDATABLE_CLIENT_FIELDS, UPDATABLE_USER_FIELDS, companyFromClient, personFromUser } from './mapping';
