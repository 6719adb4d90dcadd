import { NodeOperationError } from 'n8n-workflow';
import type { IHookFunctions } from 'n8n-workflow';

import { deleteOne, listAll, saveBatch } from '../../lib/destinations/haloPsa';
import type { HaloRecord } from '../../lib/destinations/haloPsa';
import { asNodeError, isProviderApiError } from '../../lib/transport';
import { selectedEvents } from './events';
import { webhookBody, webhookUrl } from './webhook-record';

/**
 * Registering the webhook in HaloPSA on activation: `POST /Webhook` with the URL and the
 * authentication HaloPSA must put on its calls, then `POST /Notification` binding it to the chosen
 * events (`delivery_method: 6` = webhook). The ids are kept in the node's static data and removed
 * on deactivation.
 */

interface StoredRegistration {
	webhookId?: string | number;
	notificationIds?: Array<string | number>;
}

const sameId = (a: unknown, b: unknown): boolean => a !== undefined && a !== null && String(a) === String(b);

function idOf(record: HaloRecord | undefined): string | number | undefined {
	const id = record?.id as unknown;
	return typeof id === 'number' || (typeof id === 'string' && id !== '') ? id : undefined;
}

function idsOf(records: HaloRecord[]): Array<string | number> {
	return records.map(idOf).filter((id): id is string | number => id !== undefined);
}

async function removeQuietlyIfGone(ctx: IHookFunctions, entity: 'Webhook' | 'Notification', id: string | number): Promise<void> {
	try {
		await deleteOne(ctx, entity, id);
	} catch (error) {
		// Already removed in HaloPSA (by hand, or by a previous deactivation): nothing left to do.
		if (!isProviderApiError(error, 'notFound')) throw asNodeError(ctx.getNode(), error);
	}
}

async function removeRegistration(ctx: IHookFunctions, webhookId: string | number, notificationIds: Array<string | number>): Promise<void> {
	for (const id of notificationIds) await removeQuietlyIfGone(ctx, 'Notification', id);
	await removeQuietlyIfGone(ctx, 'Webhook', webhookId);
}

function store(ctx: IHookFunctions, registration: StoredRegistration): void {
	const data = ctx.getWorkflowStaticData('node');
	delete data.webhookId;
	delete data.notificationIds;
	if (registration.webhookId !== undefined) Object.assign(data, registration);
}

/**
 * True when HaloPSA already holds a webhook for this URL bound to exactly the configured events
 * with the credential's authentication type. A registration that differs is removed, so that
 * `create` registers the current settings instead of leaving a stale one behind.
 */
export async function registrationExists(ctx: IHookFunctions): Promise<boolean> {
	const events = selectedEvents(ctx, true).join(',');
	const url = webhookUrl(ctx);
	const wanted = await webhookBody(ctx);
	const ours = (await listAll(ctx, 'Webhook')).filter((webhook) => webhook.url === url);
	const notifications = ours.length > 0 ? await listAll(ctx, 'Notification') : [];
	for (const webhook of ours) {
		const bound = notifications.filter((notification) => sameId(notification.webhook_id, webhook.id));
		const boundEvents = [...new Set(bound.map((notification) => Number(notification.eventno)))].sort((a, b) => a - b).join(',');
		const current =
			boundEvents === events &&
			Number(webhook.authentication_type) === wanted.authentication_type &&
			webhook.content_type === wanted.content_type;
		if (current && ours.length === 1) {
			store(ctx, { webhookId: idOf(webhook), notificationIds: idsOf(bound) });
			return true;
		}
		const webhookId = idOf(webhook);
		if (webhookId !== undefined) await removeRegistration(ctx, webhookId, idsOf(bound));
	}
	store(ctx, {});
	return false;
}

export async function createRegistration(ctx: IHookFunctions): Promise<boolean> {
	const events = selectedEvents(ctx, true);
	const body = await webhookBody(ctx);
	const [saved] = await saveBatch(ctx, 'Webhook', [body]);
	const webhookId = idOf(saved) ?? idOf((await listAll(ctx, 'Webhook')).find((webhook) => webhook.url === body.url));
	if (webhookId === undefined) throw new NodeOperationError(ctx.getNode(), 'HaloPSA did not return the id of the webhook it created');
	let notifications: HaloRecord[];
	try {
		notifications = await saveBatch(
			ctx,
			'Notification',
			events.map((eventno) => ({ webhook_id: webhookId, delivery_method: 6, eventno })),
		);
	} catch (error) {
		// A webhook bound to no event would sit in HaloPSA doing nothing: take it back out.
		await removeRegistration(ctx, webhookId, []);
		throw asNodeError(ctx.getNode(), error);
	}
	store(ctx, { webhookId, notificationIds: idsOf(notifications) });
	return true;
}

export async function deleteRegistration(ctx: IHookFunctions): Promise<boolean> {
	const data = ctx.getWorkflowStaticData('node') as StoredRegistration;
	if (data.webhookId !== undefined) await removeRegistration(ctx, data.webhookId, data.notificationIds ?? []);
	store(ctx, {});
	return true;
}
