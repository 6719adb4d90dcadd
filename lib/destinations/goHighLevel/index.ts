export { GHL_PROFILES, connect } from './connection';
export type { GhlAuthentication, GhlConnection } from './connection';
export {
	CONTACT_PAGE_LIMIT,
	addTags,
	deleteContact,
	getContact,
	removeTags,
	searchContacts,
	updateContact,
	upsertContact,
} from './contacts';
export { CustomFieldCatalog, findCustomField, listCustomFields } from './custom-fields';
export { allowsDuplicateContacts, getLocation } from './location';
export { contactFromItem, e164, tagList } from './mapping';
export {
	OPPORTUNITY_PAGE_LIMIT,
	OPPORTUNITY_STATUSES,
	createOpportunity,
	listPipelines,
	searchOpportunities,
	updateOpportunity,
} from './opportunities';
export { goHighLevelSessionProfile, goHighLevelV2Profile } from './profile';
export type * from './types';
