/** Thrio's data: typed objects (contacts, work items, consents...), outbound list leads and sent SMS. */
import { HttpError, optString } from './http-util';
import { hexId, Table } from './store';

export interface ThrioObject {
	id: string;
	[field: string]: unknown;
}

export interface ThrioLead extends ThrioObject {
	listId: string;
	phone: string;
	attempts: number;
	status: string;
}

export interface ThrioSms {
	id: string;
	to: string;
	message: string;
	campaignId: string | null;
	status: 'queued';
	createdAt: string;
}

export const THRIO_TYPES = ['contact', 'workitem', 'commconsent', 'campaignoutboundlist', 'outboundlist'] as const;
export type ThrioType = (typeof THRIO_TYPES)[number];
export const COMM_TYPES = ['SMS', 'VOICE', 'EMAIL'];

export function badRequest(message: string): HttpError {
	return new HttpError(400, { error: 'BAD_REQUEST', message });
}

/** Phone numbers compare by digits without a leading US country code; emails case-insensitively. */
export function addressKey(address: string): string {
	if (address.includes('@')) return address.trim().toLowerCase();
	const digits = address.replace(/\D/g, '');
	return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

export class ThrioState {
	readonly objects = new Map<ThrioType, Table<ThrioObject>>(THRIO_TYPES.map((type) => [type, new Table<ThrioObject>(hexId)]));
	readonly leads = new Map<string, Table<ThrioLead>>();
	readonly sms: ThrioSms[] = [];

	type(name: string): Table<ThrioObject> {
		const table = this.objects.get(name as ThrioType);
		if (!table) throw new HttpError(404, { error: 'NOT_FOUND', message: `Unknown type ${name}` });
		return table;
	}

	/** Leads of an outbound list; the list itself must exist. */
	leadsOf(listId: string): Table<ThrioLead> {
		if (!this.type('outboundlist').get(listId))
			throw new HttpError(404, { error: 'NOT_FOUND', message: `Outbound list ${listId} not found` });
		let table = this.leads.get(listId);
		if (!table) {
			table = new Table<ThrioLead>(hexId);
			this.leads.set(listId, table);
		}
		return table;
	}

	/** Every consent record is an opt-out: Thrio's API documents no field that makes one an opt-in. */
	hasOptedOut(address: string, commType: string): boolean {
		const key = addressKey(address);
		return this.type('commconsent')
			.list()
			.some(
				(consent) =>
					typeof consent.address === 'string' &&
					addressKey(consent.address) === key &&
					(consent.commType === undefined || String(consent.commType).toUpperCase() === commType),
			);
	}

	/** Upsert by externalId, then by phone; refuses leads without a phone. */
	upsertLead(listId: string, input: Record<string, unknown>, now: string): { lead: ThrioLead; inserted: boolean } {
		const phone = optString(input.phone);
		if (!phone) throw badRequest('Each lead needs a phone');
		const leads = this.leadsOf(listId);
		const externalId = optString(input.externalId);
		const existing =
			(externalId && leads.find((lead) => lead.externalId === externalId)) ||
			leads.find((lead) => addressKey(lead.phone) === addressKey(phone));
		if (existing) {
			const { id: _id, ...fields } = input;
			return { lead: leads.replace({ ...existing, ...fields, phone, listId, updatedAt: now }) ?? existing, inserted: false };
		}
		const { id: _ignored, ...fields } = input;
		return { lead: leads.insert({ ...fields, phone, listId, attempts: 0, status: 'NEW', createdAt: now, updatedAt: now }), inserted: true };
	}

	reset(): void {
		for (const table of this.objects.values()) table.clear();
		this.leads.clear();
		this.sms.length = 0;
		const lists = ['Sandbox Outbound A', 'Sandbox Outbound B'].map((name, index) =>
			this.type('outboundlist').insert({ id: `0000000000000000000000a${index + 1}`, name, campaignId: 'campaign-sandbox-1' }),
		);
		for (const list of lists) this.type('campaignoutboundlist').insert({ campaignId: 'campaign-sandbox-1', outboundListId: list.id });
	}
}
