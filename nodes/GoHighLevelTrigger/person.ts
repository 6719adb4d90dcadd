import type { IDataObject } from 'n8n-workflow';

import { subjectsFromContact } from '../../lib/destinations/goHighLevel/person';
import type { WebhookBody } from '../../lib/webhooks';

const isRecord = (body: WebhookBody): body is IDataObject => body !== null && typeof body === 'object' && !Array.isArray(body);

/** A workflow's Custom Webhook body is the contact, in the fields the user mapped it to. */
export function contactOfCustomWebhook(body: WebhookBody): IDataObject | undefined {
	return isRecord(body) ? (subjectsFromContact(body) as IDataObject) : undefined;
}

/** Only contact events carry a contact at the top of the body: an opportunity's `name` is not a person's. */
export function contactOfMarketplaceEvent(body: WebhookBody): IDataObject | undefined {
	return isRecord(body) && typeof body.type === 'string' && body.type.startsWith('Contact') ? contactOfCustomWebhook(body) : undefined;
}
