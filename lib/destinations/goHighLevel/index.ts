export {
	APPOINTMENT_STATUSES,
	FREE_SLOTS_MAX_DAYS,
	MEETING_LOCATION_TYPES,
	bookAppointment,
	freeSlotsRangeProblem,
	getFreeSlots,
	listCalendars,
} from './calendars';
export type { GhlAppointmentFields, GhlCalendar, GhlFreeSlot, GhlFreeSlotsQuery } from './calendars';
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
	searchContactsPage,
	searchTextProblem,
	updateContact,
	upsertContact,
} from './contacts';
export type { GhlContactPage } from './contacts';
export { CustomFieldCatalog, findCustomField, listCustomFields } from './custom-fields';
export { allowsDuplicateContacts, getLocation } from './location';
export { contactFromItem, e164, tagList } from './mapping';
export { createNote, listNotes } from './notes';
export type { GhlNoteFields } from './notes';
export {
	OPPORTUNITY_PAGE_LIMIT,
	OPPORTUNITY_STATUSES,
	createOpportunity,
	listPipelines,
	searchOpportunities,
	updateOpportunity,
} from './opportunities';
export { goHighLevelSessionProfile, goHighLevelV2Profile } from './profile';
export { createTask, deleteTask, listTasks, setTaskCompleted, updateTask } from './tasks';
export type { GhlTaskFields } from './tasks';
export { isTimeZone, toInstant } from './time';
export type * from './types';
export { addContactToWorkflow, listWorkflows, removeContactFromWorkflow } from './workflows';
export type { GhlWorkflow } from './workflows';
