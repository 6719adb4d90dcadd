/**
 * HaloPSA's resources as the API names them. Lists answer `{record_count, <key>: [...]}` under a key
 * per entity (/Opportunities under `tickets`), or a plain array: n8n's own HaloPSA node reads
 * `GET /TicketType` and `GET /Agent` that way. Neither the keys of Agent to Notification nor whether
 * they page is documented, so `api.ts` reads both shapes. HaloPSA's OpenAPI document names the keys
 * of Actions (`Actions_View`), Quotation (`QuotationHeader_View`), Asset (`Device_View`) and
 * ClientContract (`ContractHeader_View`); Appointment's list has no answer model there, and
 * `appointments` is the key HaloPSA's PowerShell client reads.
 */
export const HALO_ENTITIES = {
	Client: { path: '/Client', listKey: 'clients', label: 'client' },
	Users: { path: '/Users', listKey: 'users', label: 'user' },
	Site: { path: '/Site', listKey: 'sites', label: 'site' },
	Tickets: { path: '/Tickets', listKey: 'tickets', label: 'ticket' },
	Opportunities: { path: '/Opportunities', listKey: 'tickets', label: 'opportunity' },
	Agent: { path: '/Agent', listKey: 'agents', label: 'agent' },
	TicketType: { path: '/TicketType', listKey: 'tickettypes', label: 'ticket type' },
	FieldInfo: { path: '/FieldInfo', listKey: 'fieldinfo', label: 'custom field' },
	Webhook: { path: '/Webhook', listKey: 'webhooks', label: 'webhook' },
	Notification: { path: '/Notification', listKey: 'notifications', label: 'notification' },
	Actions: { path: '/Actions', listKey: 'actions', label: 'action' },
	Quotation: { path: '/Quotation', listKey: 'quotes', label: 'quote' },
	Asset: { path: '/Asset', listKey: 'assets', label: 'asset' },
	ClientContract: { path: '/ClientContract', listKey: 'contracts', label: 'contract' },
	Appointment: { path: '/Appointment', listKey: 'appointments', label: 'appointment' },
} as const;

export type HaloEntity = keyof typeof HALO_ENTITIES;

/** A HaloPSA record as the API sends it; fields vary per entity. */
export type HaloRecord = Record<string, unknown> & { id?: number };
