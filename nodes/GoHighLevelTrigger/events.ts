import type { INodePropertyOptions } from 'n8n-workflow';

/** HighLevel webhook event types (the body's `type`) that a CRM sync usually listens to. */
const EVENT_TYPES = [
	'AppointmentCreate',
	'AppointmentDelete',
	'AppointmentUpdate',
	'ContactCreate',
	'ContactDelete',
	'ContactDndUpdate',
	'ContactTagUpdate',
	'ContactUpdate',
	'InboundMessage',
	'NoteCreate',
	'NoteDelete',
	'NoteUpdate',
	'OpportunityAssignedToUpdate',
	'OpportunityCreate',
	'OpportunityDelete',
	'OpportunityMonetaryValueUpdate',
	'OpportunityStageUpdate',
	'OpportunityStatusUpdate',
	'OpportunityUpdate',
	'OutboundMessage',
	'TaskComplete',
	'TaskCreate',
	'TaskDelete',
];

export const EVENT_OPTIONS: INodePropertyOptions[] = EVENT_TYPES.map((type) => ({ name: type, value: type }));
