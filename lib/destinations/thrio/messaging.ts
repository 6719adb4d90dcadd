import type { IDataObject } from 'n8n-workflow';

import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { ThrioRecord } from './data';
import { createObject } from './data';
import { thrioProfile } from './profile';

export const COMM_TYPES = ['SMS', 'VOICE', 'EMAIL'] as const;
export type CommType = (typeof COMM_TYPES)[number];

export interface CommConsent {
	/** A phone number or an email address. */
	address: string;
	commType: CommType;
	reason?: string;
	contactId?: string;
	campaignId?: string;
}

/**
 * Records a communication consent, which Thrio reads as an opt-out and checks before it dials or texts. Recording the
 * same consent twice changes nothing, so a lost answer may be repeated.
 */
export async function recordConsent(ctx: TransportContext, consent: CommConsent, options?: CallOptions): Promise<ThrioRecord> {
	return await createObject(ctx, 'commconsent', consent as unknown as IDataObject, { ...options, repeatable: true });
}

export interface Sms {
	to: string;
	message: string;
	campaignId?: string;
}

/**
 * Sends one SMS. Thrio refuses an address that opted out (its error says so); a message whose
 * answer is lost is never re-sent, since it may have gone out.
 */
export async function sendSms(ctx: TransportContext, sms: Sms, options?: CallOptions): Promise<ThrioRecord> {
	return await callJson<ThrioRecord>(ctx, thrioProfile, { method: 'POST', path: '/users/api/sms', body: { ...sms } }, options);
}
