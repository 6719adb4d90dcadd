import type { INodeProperties } from 'n8n-workflow';

import type { HaloEntity } from '../../../lib/destinations/haloPsa';
import type { RecordKindName } from './locators';

/** A parameter holding another record's id: version 2 shows it as a resource locator, version 1 as it always was. */
export interface RecordField {
	kind: RecordKindName;
	displayName: string;
	name: string;
	description?: string;
	required?: boolean;
}

export type FieldSpec = INodeProperties | RecordField;

export const isRecordField = (field: FieldSpec): field is RecordField => 'kind' in field;

const CHOOSE_OR_EXPRESSION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';
const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});
const longText = (displayName: string, name: string, description?: string): INodeProperties => ({
	...text(displayName, name, description),
	typeOptions: { rows: 4 },
});
const number = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	description,
});
const date = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description,
});
const dropdown = (displayName: string, name: string, loadOptionsMethod: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod },
	default: '',
	description: `${description ?? ''} ${CHOOSE_OR_EXPRESSION}`.trim(),
});
const flag = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});
const ref = (kind: RecordKindName, displayName: string, name: string, description?: string): RecordField => ({
	kind,
	displayName,
	name,
	description,
});
const required = <T extends FieldSpec>(field: T): T => ({ ...field, required: true });

const client = ref('client', 'Client', 'client_id');
const site = ref('site', 'Site', 'site_id');
const contact = ref('user', 'User', 'user_id', 'The contact');
const ticket = ref('ticketOrOpportunity', 'Ticket or Opportunity', 'ticket_id', 'HaloPSA keeps opportunities as tickets: either ID');
const agent = dropdown('Agent Name or ID', 'agent_id', 'getAgents', 'The agent the record is assigned to.');
const search = (description?: string) => text('Search', 'search', description);

const TICKET_FIELDS: FieldSpec[] = [
	agent,
	client,
	text('Details', 'details', 'The body, HTML allowed'),
	site,
	number('Status ID', 'status_id'),
	dropdown('Ticket Type Name or ID', 'tickettype_id', 'getTicketTypes', 'For a lead, the "Lead" ticket type.'),
	contact,
];

export type OperationName = 'create' | 'get' | 'getMany' | 'update' | 'delete';

export interface ResourceDefinition {
	entity: HaloEntity;
	label: string;
	/** The kind of record the resource's own ID points at, for Get, Update and Delete. */
	kind?: RecordKindName;
	/** The operations HaloPSA allows on the entity; all five unless named. */
	operations?: OperationName[];
	/** What the create operation is called, when HaloPSA's own word for it is not "Create". */
	createVerb?: string;
	/** Required on create, asked for directly. */
	required: FieldSpec[];
	/** Optional on create, editable on update ("Additional Fields" / "Update Fields"). */
	optional: FieldSpec[];
	/** Get Many filters, sent as HaloPSA's query parameters. */
	filters: FieldSpec[];
	/** Get Many filters HaloPSA's list needs, asked for directly. */
	listBy?: FieldSpec[];
	/** The package's normalized shape Get and Get Many can output the records as. */
	normalized?: 'person' | 'company';
	/** Whether Get Many offers Custom Field Filters: the entity's list answers carry `customfields`. */
	customFieldFilters?: boolean;
}

/** "a client", "an opportunity", "a user": one record of the resource, as a sentence names it (no label starts with a vowel sound on u). */
export function oneOf(resource: ResourceDefinition): string {
	const label = resource.label.toLowerCase();
	return `${/^[aeio]/.test(label) ? 'an' : 'a'} ${label}`;
}

export const RESOURCES: Record<string, ResourceDefinition> = {
	client: {
		entity: 'Client',
		label: 'Client',
		kind: 'client',
		required: [required(text('Name', 'name'))],
		optional: [
			flag('Inactive', 'inactive', 'Whether the client is inactive'),
			text('Name', 'name'),
			number('Top Level ID', 'toplevel_id'),
			text('Website', 'website'),
		],
		filters: [
			flag('Include Inactive', 'includeinactive', 'Whether to include inactive clients'),
			search('Matches names and websites'),
			number('Top Level ID', 'toplevel_id'),
		],
		normalized: 'company',
		customFieldFilters: true,
	},
	site: {
		entity: 'Site',
		label: 'Site',
		kind: 'site',
		required: [required(text('Name', 'name')), required(client)],
		optional: [flag('Inactive', 'inactive', 'Whether the site is inactive'), text('Name', 'name')],
		filters: [client, flag('Include Inactive', 'includeinactive', 'Whether to include inactive sites'), search()],
	},
	user: {
		entity: 'Users',
		label: 'User (Contact)',
		kind: 'user',
		required: [required(client), required(text('Name', 'name', 'The full name'))],
		optional: [
			text('Email', 'emailaddress'),
			text('First Name', 'firstname'),
			flag('Inactive', 'inactive', 'Whether the contact is inactive'),
			text('Job Title', 'jobtitle'),
			text('Last Name', 'surname'),
			text('Mobile Number', 'mobilenumber'),
			text('Name', 'name'),
			text('Phone Number', 'phonenumber'),
			{ ...site, description: "Empty: the client's main site" },
		],
		filters: [
			client,
			flag('Exclude Agents', 'excludeagents', 'Whether to leave out users who are agents'),
			flag('Include Inactive', 'includeinactive', 'Whether to include inactive contacts'),
			search('Matches names, emails and job titles'),
			flag('Search Phone Numbers', 'search_phonenumbers', 'Whether Search also matches phone numbers'),
			site,
		],
		normalized: 'person',
		customFieldFilters: true,
	},
	opportunity: {
		entity: 'Opportunities',
		label: 'Opportunity',
		kind: 'opportunity',
		required: [required(text('Summary', 'summary'))],
		optional: [
			...TICKET_FIELDS,
			date('Close Date', 'targetdate', 'When the deal is expected to close (HaloPSA\'s "target date")'),
			number('Probability', 'oppconversionprobability', 'The chance of winning the deal, in percent (0 to 100)'),
			text('Summary', 'summary'),
			number('Value', 'oppvalue', "The deal's value"),
		],
		filters: [client, flag('Open Only', 'open_only', 'Whether to return only open opportunities'), search(), contact],
		customFieldFilters: true,
	},
	ticket: {
		entity: 'Tickets',
		label: 'Ticket',
		kind: 'ticket',
		required: [required(text('Summary', 'summary'))],
		optional: [...TICKET_FIELDS, text('Summary', 'summary')],
		filters: [
			client,
			flag('Open Only', 'open_only', 'Whether to return only open tickets'),
			search(),
			dropdown(
				'Ticket Type Name or ID',
				'requesttype_id',
				'getTicketTypes',
				'HaloPSA filters tickets by their request type, its name for the ticket type.',
			),
			contact,
		],
		customFieldFilters: true,
	},
	action: {
		entity: 'Actions',
		label: 'Action',
		operations: ['create', 'getMany'],
		createVerb: 'Add',
		required: [required(ticket), required(longText('Note', 'note', 'The note or the email body, HTML allowed'))],
		optional: [
			text('Email Cc', 'emailcc', 'Who else gets the email, comma-separated'),
			text('Email Subject', 'emailsubject'),
			text('Email To', 'emailto', 'Who gets the email, comma-separated'),
			flag('Hidden From User', 'hiddenfromuser', 'Whether the action is private: the contact does not see it'),
			flag('Important', 'important', 'Whether to flag the action as important'),
			number('New Status ID', 'new_status', 'The status the ticket moves to with this action'),
			text('Outcome', 'outcome', 'The kind of action as HaloPSA names it, e.g. "Private Note" or "Email User"'),
			number('Outcome ID', 'outcome_id'),
			flag('Send Email', 'sendemail', 'Whether HaloPSA emails the note to Email To'),
			number('Time Taken (Hours)', 'timetaken'),
		],
		listBy: [required(ticket)],
		filters: [
			flag('Agent Only', 'agentonly', 'Whether to return only actions done by agents'),
			flag('Exclude Private', 'excludeprivate', 'Whether to return only public actions'),
			flag('Exclude System Actions', 'excludesys', 'Whether to leave out actions HaloPSA logs itself'),
			flag('Important Only', 'importantonly', 'Whether to return only important actions'),
		],
	},
	quote: {
		entity: 'Quotation',
		label: 'Quote',
		kind: 'quote',
		required: [required(client)],
		optional: [
			agent,
			client,
			date('Date', 'date'),
			date('Expiry Date', 'expiry_date'),
			longText('Note', 'note'),
			text('PO Reference', 'po_ref'),
			site,
			number('Status', 'status', "HaloPSA's quote status number"),
			{ ...ticket, description: 'The ticket or opportunity the quote is for' },
			text('Title', 'title'),
			contact,
		],
		filters: [client, search('Matches titles'), site, ticket, contact],
	},
	asset: {
		entity: 'Asset',
		label: 'Asset',
		kind: 'asset',
		required: [required({ ...site, description: 'The site the asset is at; its client follows from it' })],
		optional: [
			text('Asset Tag', 'inventory_number'),
			number('Asset Type ID', 'assettype_id'),
			number('Contract ID', 'contract_id'),
			flag('Inactive', 'inactive', 'Whether the asset is inactive'),
			text('Key Field', 'key_field', "The asset type's main field, e.g. the device name"),
			longText('Notes', 'notes'),
			site,
			number('Status ID', 'status_id'),
			number('Supplier ID', 'supplier_id'),
			date('Warranty End', 'warranty_end'),
		],
		filters: [
			number('Asset Type ID', 'assettype_id'),
			client,
			flag('Include Inactive', 'includeinactive', 'Whether to include inactive assets'),
			search('Matches asset tags and key fields'),
			site,
		],
	},
	contract: {
		entity: 'ClientContract',
		label: 'Contract',
		kind: 'contract',
		required: [required(client)],
		optional: [
			client,
			date('End Date', 'end_date'),
			longText('Note', 'note'),
			number('Period Charge Amount', 'periodchargeamount', 'What each billing period costs'),
			text('Reference', 'ref'),
			site,
			date('Start Date', 'start_date'),
		],
		filters: [client, search('Matches references'), site],
	},
	appointment: {
		entity: 'Appointment',
		label: 'Appointment',
		kind: 'appointment',
		required: [required(text('Subject', 'subject')), required(date('Start', 'start_date')), required(date('End', 'end_date'))],
		optional: [
			agent,
			flag('All Day', 'allday', 'Whether the appointment lasts all day'),
			number('Appointment Type ID', 'appointment_type_id'),
			client,
			date('End', 'end_date'),
			flag('Is Task', 'is_task', 'Whether it is a task rather than an appointment'),
			longText('Note', 'note'),
			flag('Private', 'is_private', 'Whether only its agents see it'),
			site,
			date('Start', 'start_date'),
			text('Subject', 'subject'),
			ticket,
			contact,
		],
		filters: [
			text('Agent IDs', 'agents', "Comma-separated agent IDs: those agents' appointments"),
			client,
			search('Matches subjects and notes'),
			date('Start After', 'start_date', 'Only appointments starting after this'),
			ticket,
		],
	},
};
