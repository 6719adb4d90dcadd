export { GHL_PROFILES, connect } from './connection';
export type { GhlAuthentication, GhlConnection } from './connection';
export {
	CONTACT_PAGE_LIMIT,
	CONTACT_SEARCH_MAX_LENGTH,
	addTags,
	contactSearchProblem,
	deleteContact,
	getContact,
	removeTags,
	searchContacts,
	searchTextProblem,
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
