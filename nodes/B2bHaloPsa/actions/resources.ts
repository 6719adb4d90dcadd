import type { INodeProperties } from 'n8n-workflow';

import type { HaloEntity } from '../../../lib/destinations/haloPsa';

type Field = INodeProperties;

const CHOOSE_OR_EXPRESSION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';
const text = (displayName: string, name: string, description?: string): Field => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});
const id = (displayName: string, name: string, loadOptionsMethod?: string, description?: string): Field =>
	loadOptionsMethod
		? {
				displayName,
				name,
				type: 'options',
				typeOptions: { loadOptionsMethod },
				default: '',
				description: `${description ?? ''} ${CHOOSE_OR_EXPRESSION}`.trim(),
			}
		: { displayName, name, type: 'number', default: 0, description };
const flag = (displayName: string, name: string, description: string): Field => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

const TICKET_FIELDS: Field[] = [
	id('Agent Name or ID', 'agent_id', 'getAgents', 'The agent the record is assigned to.'),
	id('Client Name or ID', 'client_id', 'getClients'),
	text('Details', 'details', 'The body, HTML allowed'),
	id('Site ID', 'site_id'),
	id('Status ID', 'status_id'),
	id('Ticket Type Name or ID', 'tickettype_id', 'getTicketTypes', 'For a lead, the "Lead" ticket type.'),
	id('User ID', 'user_id', undefined, 'The contact'),
];

export interface ResourceDefinition {
	entity: HaloEntity;
	label: string;
	/** Required on create, asked for directly. */
	required: Field[];
	/** Optional on create, editable on update ("Additional Fields" / "Update Fields"). */
	optional: Field[];
	/** Get Many filters, sent as HaloPSA's query parameters. */
	filters: Field[];
}

export const RESOURCES: Record<string, ResourceDefinition> = {
	client: {
		entity: 'Client',
		label: 'Client',
		required: [{ ...text('Name', 'name'), required: true }],
		optional: [
			flag('Inactive', 'inactive', 'Whether the client is inactive'),
			text('Name', 'name'),
			id('Top Level ID', 'toplevel_id'),
			text('Website', 'website'),
		],
		filters: [
			flag('Include Inactive', 'includeinactive', 'Whether to include inactive clients'),
			text('Search', 'search', 'Matches names and websites'),
			id('Top Level ID', 'toplevel_id'),
		],
	},
	site: {
		entity: 'Site',
		label: 'Site',
		required: [
			{ ...text('Name', 'name'), required: true },
			{ ...id('Client Name or ID', 'client_id', 'getClients'), required: true },
		],
		optional: [flag('Inactive', 'inactive', 'Whether the site is inactive'), text('Name', 'name')],
		filters: [
			id('Client Name or ID', 'client_id', 'getClients'),
			flag('Include Inactive', 'includeinactive', 'Whether to include inactive sites'),
			text('Search', 'search'),
		],
	},
	user: {
		entity: 'Users',
		label: 'User (Contact)',
		required: [
			{ ...id('Client Name or ID', 'client_id', 'getClients'), required: true },
			{ ...text('Name', 'name', 'The full name'), required: true },
		],
		optional: [
			text('Email', 'emailaddress'),
			text('First Name', 'firstname'),
			flag('Inactive', 'inactive', 'Whether the contact is inactive'),
			text('Job Title', 'jobtitle'),
			text('Last Name', 'surname'),
			text('Mobile Number', 'mobilenumber'),
			text('Name', 'name'),
			text('Phone Number', 'phonenumber'),
			id('Site ID', 'site_id', undefined, "Empty: the client's main site"),
		],
		filters: [
			id('Client Name or ID', 'client_id', 'getClients'),
			flag('Exclude Agents', 'excludeagents', 'Whether to leave out users who are agents'),
			flag('Include Inactive', 'includeinactive', 'Whether to include inactive contacts'),
			text('Search', 'search', 'Matches names, emails and job titles'),
			flag('Search Phone Numbers', 'search_phonenumbers', 'Whether Search also matches phone numbers'),
			id('Site ID', 'site_id'),
		],
	},
	opportunity: {
		entity: 'Opportunities',
		label: 'Opportunity',
		required: [{ ...text('Summary', 'summary'), required: true }],
		optional: [...TICKET_FIELDS, text('Summary', 'summary')],
		filters: [
			id('Client Name or ID', 'client_id', 'getClients'),
			flag('Open Only', 'open_only', 'Whether to return only open opportunities'),
			text('Search', 'search'),
			id('User ID', 'user_id'),
		],
	},
	ticket: {
		entity: 'Tickets',
		label: 'Ticket',
		required: [{ ...text('Summary', 'summary'), required: true }],
		optional: [...TICKET_FIELDS, text('Summary', 'summary')],
		filters: [
			id('Client Name or ID', 'client_id', 'getClients'),
			flag('Open Only', 'open_only', 'Whether to return only open tickets'),
			text('Search', 'search'),
			id(
				'Ticket Type Name or ID',
				'requesttype_id',
				'getTicketTypes',
				'HaloPSA filters tickets by their request type, its name for the ticket type.',
			),
			id('User ID', 'user_id'),
		],
	},
};
