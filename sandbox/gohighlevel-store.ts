/**
 * One HighLevel location's data, shared by the session API and the public v2 API: contacts (upsert
 * with duplicate matching, tags, custom fields) with their tasks and notes, pipelines and
 * opportunities, a calendar and its appointments, workflows and the contacts in them.
 */
import { SESSION_USER_ID } from './gohighlevel-auth';
import { HttpError, isRecord, optNumber, optString } from './http-util';
import { alphanumericId, Table } from './store';

export interface GhlCustomFieldValue {
	id: string;
	value: unknown;
}

export interface GhlContact {
	id: string;
	locationId: string;
	firstName: string | null;
	lastName: string | null;
	name: string | null;
	email: string | null;
	phone: string | null;
	tags: string[];
	customFields: GhlCustomFieldValue[];
	dateAdded: string;
	dateUpdated: string;
	/** companyName, address1, city, website, source... as given. */
	[field: string]: unknown;
}

export interface GhlOpportunity {
	id: string;
	locationId: string;
	name: string;
	pipelineId: string;
	pipelineStageId: string;
	status: 'open' | 'won' | 'lost' | 'abandoned';
	contactId: string;
	monetaryValue: number;
	createdAt: string;
	updatedAt: string;
	[field: string]: unknown;
}

export interface GhlLocation {
	id: string;
	name: string;
	settings: { allowDuplicateContact: boolean; allowDuplicateOpportunity: boolean };
	[field: string]: unknown;
}

export interface GhlCustomField {
	id: string;
	name: string;
	fieldKey: string;
	dataType: string;
}

export interface GhlPipeline {
	id: string;
	name: string;
	stages: Array<{ id: string; name: string; position: number }>;
}

/** `TaskSchema`. */
export interface GhlTask {
	id: string;
	contactId: string;
	title: string;
	body?: string;
	assignedTo?: string;
	dueDate: string;
	completed: boolean;
}

/** `GetNoteSchema`. */
export interface GhlNote {
	id: string;
	contactId: string;
	body: string;
	userId?: string;
	dateAdded: string;
}

/** The part of `CalendarDTO` free slots are made from; open hours are read in UTC here. */
export interface GhlCalendar {
	id: string;
	locationId: string;
	name: string;
	isActive: boolean;
	slotDuration: number;
	slotDurationUnit: 'mins';
	teamMembers: Array<{ userId: string }>;
	openHours: Array<{
		daysOfTheWeek: number[];
		hours: Array<{ openHour: number; openMinute: number; closeHour: number; closeMinute: number }>;
	}>;
}

/** `AppointmentSchemaResponse`. */
export interface GhlAppointment {
	id: string;
	calendarId: string;
	locationId: string;
	contactId: string;
	startTime: string;
	endTime: string;
	appointmentStatus: string;
	isRecurring: boolean;
	[field: string]: unknown;
}

/** `WorkflowSchema`. */
export interface GhlWorkflow {
	id: string;
	locationId: string;
	name: string;
	status: 'published' | 'draft';
	version: number;
	createdAt: string;
	updatedAt: string;
}

/** Contact properties the sandbox stores as given (the union of what HighLevel's contact bodies take). */
export const CONTACT_FIELDS = [
	'firstName',
	'lastName',
	'name',
	'email',
	'phone',
	'companyName',
	'address1',
	'city',
	'state',
	'postalCode',
	'country',
	'website',
	'source',
	'timezone',
	'dnd',
	'dndSettings',
	'inboundDndSettings',
	'gender',
	'dateOfBirth',
	'assignedTo',
];
/**
 * `UpdateContactDto` (GoHighLevel/highlevel-api-docs `contacts.json`), all that `PUT /contacts/{id}`
 * takes: no `companyName`, `gender` or `dateOfBirth`, and no `locationId` (the contact has one).
 */
export const UPDATE_FIELDS = [
	'firstName',
	'lastName',
	'name',
	'email',
	'phone',
	'address1',
	'city',
	'state',
	'postalCode',
	'website',
	'timezone',
	'dnd',
	'dndSettings',
	'inboundDndSettings',
	'tags',
	'customFields',
	'source',
	'country',
	'assignedTo',
];
/** What an upsert body may hold (`UpsertContactDto`, plus `dateOfBirth`): every stored field, the location, tags and custom fields. */
export const UPSERT_FIELDS = [...CONTACT_FIELDS, 'locationId', 'tags', 'customFields'];
/** `CreateDto`, all that `POST /opportunities` takes: no `source`. */
export const OPPORTUNITY_CREATE_FIELDS = [
	'pipelineId',
	'locationId',
	'name',
	'pipelineStageId',
	'status',
	'contactId',
	'monetaryValue',
	'assignedTo',
	'customFields',
];
/** `UpdateOpportunityDto`, all that `PUT /opportunities/{id}` takes: no `source`, `contactId` or `locationId`. */
export const OPPORTUNITY_UPDATE_FIELDS = ['pipelineId', 'name', 'pipelineStageId', 'status', 'monetaryValue', 'assignedTo', 'customFields'];
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'abandoned'] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** HighLevel's 404: `{statusCode, message: "<What> not found"}`. */
export function found<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new HttpError(404, { statusCode: 404, message: `${what} not found` });
	return value;
}

export function validationError(messages: string[]): HttpError {
	return new HttpError(422, { statusCode: 422, message: messages, error: 'Unprocessable Entity' });
}

/** HighLevel's validation forbids properties its DTO does not list: 422, one message per property. */
export function refuseExtraProperties(body: Record<string, unknown>, allowed: string[]): void {
	const extra = Object.keys(body).filter((key) => !allowed.includes(key));
	if (extra.length > 0) throw validationError(extra.map((key) => `property ${key} should not exist`));
}

/** E.164-ish: digits with a leading +, US numbers without a country code get +1. */
export function normalizePhone(phone: string): string {
	const digits = phone.replace(/\D/g, '');
	if (phone.trim().startsWith('+')) return `+${digits}`;
	return digits.length === 10 ? `+1${digits}` : `+${digits}`;
}

export class LocationStore {
	readonly contacts = new Table<GhlContact>(alphanumericId);
	readonly opportunities = new Table<GhlOpportunity>(alphanumericId);
	readonly tasks = new Table<GhlTask>(alphanumericId);
	readonly notes = new Table<GhlNote>(alphanumericId);
	readonly appointments = new Table<GhlAppointment>(alphanumericId);
	/** The contacts each workflow holds, by workflow id. */
	readonly enrollments = new Map<string, Set<string>>();
	readonly location: GhlLocation;
	readonly customFields: GhlCustomField[];
	readonly pipelines: GhlPipeline[];
	readonly calendars: GhlCalendar[];
	readonly workflows: GhlWorkflow[];

	constructor(id: string) {
		this.location = {
			id,
			name: `Sandbox Location ${id}`,
			email: 'owner@ghl-sandbox.example',
			phone: '+15125550100',
			city: 'Austin',
			state: 'TX',
			country: 'US',
			timezone: 'America/Chicago',
			settings: { allowDuplicateContact: false, allowDuplicateOpportunity: false },
		};
		this.customFields = [
			['cfLinkedInUrl0000001', 'LinkedIn URL', 'contact.linkedin_url', 'TEXT'],
			['cfLeadSource00000002', 'Lead Source', 'contact.lead_source', 'TEXT'],
			['cfSeniority000000003', 'Seniority', 'contact.seniority', 'TEXT'],
			['cfCompanySize0000004', 'Company Size', 'contact.company_size', 'NUMERICAL'],
		].map(([fieldId, name, fieldKey, dataType]) => ({ id: fieldId, name, fieldKey, dataType }));
		this.pipelines = [
			{
				id: 'plSalesPipeline00001',
				name: 'Sales Pipeline',
				stages: ['New Lead', 'Contacted', 'Qualified', 'Proposal Sent', 'Closed'].map((name, position) => ({
					id: `stage${String(position + 1).padStart(15, '0')}`,
					name,
					position,
				})),
			},
		];
		// 30-minute slots, weekdays 14:00-22:00 UTC (9:00-17:00 in Chicago during daylight saving time).
		this.calendars = [
			{
				id: 'calDiscoveryCall0001',
				locationId: id,
				name: 'Discovery Call',
				isActive: true,
				slotDuration: 30,
				slotDurationUnit: 'mins',
				teamMembers: [{ userId: SESSION_USER_ID }],
				openHours: [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 14, openMinute: 0, closeHour: 22, closeMinute: 0 }] }],
			},
		];
		this.workflows = [
			{
				id: '5b0d6f7e-1c3a-4e2b-9f4d-2a7c8e9b1d01',
				locationId: id,
				name: 'New Lead Nurture',
				status: 'published',
				version: 3,
				createdAt: '2024-01-15T09:30:00.000Z',
				updatedAt: '2024-03-02T16:45:00.000Z',
			},
		];
	}

	/** HighLevel accepts `{id|key, field_value|value}` and answers `{id, value}`; unknown fields are dropped silently. */
	private mergeCustomFields(existing: GhlCustomFieldValue[], input: unknown): GhlCustomFieldValue[] {
		if (!Array.isArray(input)) throw validationError(['customFields must be an array']);
		const merged = new Map(existing.map((field) => [field.id, field]));
		for (const item of input.filter(isRecord)) {
			const key = optString(item.key)?.replace(/^contact\./, '');
			const field = this.customFields.find((f) => f.id === item.id || (key !== undefined && f.fieldKey === `contact.${key}`));
			if (field) merged.set(field.id, { id: field.id, value: item.field_value ?? item.value ?? null });
		}
		return [...merged.values()];
	}

	/** Checks a contact body against HighLevel's rules; returns the fields to write. */
	contactPatch(body: Record<string, unknown>, allowed: string[], existing?: GhlContact): Partial<GhlContact> {
		refuseExtraProperties(body, allowed);
		const patch: Partial<GhlContact> = {};
		for (const field of CONTACT_FIELDS) if (body[field] !== undefined) patch[field] = body[field];
		if (patch.email !== undefined && patch.email !== null) {
			if (typeof patch.email !== 'string' || !EMAIL.test(patch.email)) throw validationError(['email must be an email']);
			patch.email = patch.email.toLowerCase();
		}
		if (typeof patch.phone === 'string') patch.phone = normalizePhone(patch.phone);
		if (body.tags !== undefined) {
			if (!Array.isArray(body.tags)) throw validationError(['tags must be an array']);
			patch.tags = [...new Set(body.tags.map((tag) => String(tag).trim().toLowerCase()))];
		}
		if (body.customFields !== undefined) patch.customFields = this.mergeCustomFields(existing?.customFields ?? [], body.customFields);
		return patch;
	}

	private findDuplicate(patch: Partial<GhlContact>): GhlContact | undefined {
		if (this.location.settings.allowDuplicateContact) return undefined;
		const email = typeof patch.email === 'string' ? patch.email : undefined;
		const phone = typeof patch.phone === 'string' ? patch.phone : undefined;
		return (email && this.contacts.find((c) => c.email === email)) || (phone && this.contacts.find((c) => c.phone === phone)) || undefined;
	}

	/** Upsert as HighLevel does: match by email, then phone; given tags replace the stored ones. */
	upsertContact(patch: Partial<GhlContact>, now: string): { isNew: boolean; contact: GhlContact } {
		const existing = this.findDuplicate(patch);
		if (existing) return { isNew: false, contact: this.updateContact(existing, patch, now) };
		const contact = this.contacts.insert({
			locationId: this.location.id,
			firstName: null,
			lastName: null,
			name: null,
			email: null,
			phone: null,
			tags: [],
			customFields: [],
			...patch,
			dateAdded: now,
			dateUpdated: now,
		});
		contact.name = patch.name === undefined ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') || null : contact.name;
		return { isNew: true, contact };
	}

	updateContact(existing: GhlContact, patch: Partial<GhlContact>, now: string): GhlContact {
		const updated: GhlContact = { ...existing, ...patch, dateUpdated: now };
		if (patch.name === undefined && (patch.firstName !== undefined || patch.lastName !== undefined)) {
			updated.name = [updated.firstName, updated.lastName].filter(Boolean).join(' ') || null;
		}
		return this.contacts.replace(updated) ?? updated;
	}

	createOpportunity(body: Record<string, unknown>, now: string): GhlOpportunity {
		const fields = this.opportunityPatch(body) as Omit<GhlOpportunity, 'id' | 'locationId' | 'createdAt' | 'updatedAt'>;
		return this.opportunities.insert({ ...fields, locationId: this.location.id, createdAt: now, updatedAt: now });
	}

	/**
	 * Validates an opportunity body (all fields for create, the given ones for update). Which
	 * properties a body may hold is the route's to check: seeds may carry more.
	 */
	opportunityPatch(body: Record<string, unknown>, existing?: GhlOpportunity): Partial<GhlOpportunity> {
		const errors: string[] = [];
		const merged = { ...existing, ...body };
		const name = optString(merged.name);
		if (!name) errors.push('name should not be empty');
		const pipeline = this.pipelines.find((p) => p.id === merged.pipelineId);
		if (!pipeline) errors.push(`pipelineId ${String(merged.pipelineId)} does not exist`);
		const stageId = optString(merged.pipelineStageId) ?? pipeline?.stages[0].id;
		if (pipeline && !pipeline.stages.some((stage) => stage.id === stageId))
			errors.push(`pipelineStageId ${String(stageId)} is not a stage of the pipeline`);
		if (!(OPPORTUNITY_STATUSES as readonly unknown[]).includes(merged.status))
			errors.push(`status must be one of ${OPPORTUNITY_STATUSES.join(', ')}`);
		if (!this.contacts.get(optString(merged.contactId))) errors.push(`contactId ${String(merged.contactId)} does not exist`);
		const monetaryValue = merged.monetaryValue === undefined ? 0 : optNumber(merged.monetaryValue);
		if (monetaryValue === undefined) errors.push('monetaryValue must be a number');
		if (body.customFields !== undefined && !Array.isArray(body.customFields)) errors.push('customFields must be an array');
		if (errors.length > 0) throw validationError(errors);
		return {
			name,
			pipelineId: pipeline?.id,
			pipelineStageId: stageId,
			status: merged.status as GhlOpportunity['status'],
			contactId: String(merged.contactId),
			monetaryValue,
			...(body.assignedTo !== undefined ? { assignedTo: body.assignedTo } : {}),
			...(body.customFields !== undefined ? { customFields: body.customFields } : {}),
		};
	}
}

export class GhlState {
	private readonly locations = new Map<string, LocationStore>();

	/** A location's store, created with its seeded pipelines and custom fields on first use. */
	location(id: string): LocationStore {
		let store = this.locations.get(id);
		if (!store) {
			store = new LocationStore(id);
			this.locations.set(id, store);
		}
		return store;
	}

	all(): LocationStore[] {
		return [...this.locations.values()];
	}

	clear(): void {
		this.locations.clear();
	}
}
