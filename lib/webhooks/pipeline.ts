import { createHash } from 'crypto';

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { checkTimestamp, malformed, readHeader, replayGuardFor, unauthorized } from '../signatures';
import type { Refused, SignedRequest, VerifyResult } from '../signatures';
import { parseBody } from './body';
import type { WebhookBody } from './body';
import { valueAt } from './fields';
import { rememberPersisted } from './replay-store';
import { pickHeaders, readSignedRequest } from './request';
import { accept, ignore, refuse } from './respond';

export interface WebhookPolicy {
	/** The signature or credential check, over the raw body. */
	verify(request: SignedRequest, now: number): VerifyResult;
	/** The window for signed timestamps and for remembering event ids. */
	toleranceSeconds: number;
	/** A timestamp inside the signed body (HighLevel's `timestamp`); required unless the tolerance is 0. */
	bodyTimestampField?: string;
	/**
	 * Where the event id is, for refusing a replay inside the window; `bodyDigest` takes the raw body's
	 * SHA-256 for senders whose events carry no id (a second identical body is then a replay).
	 */
	eventId?: { header?: string; bodyField?: string; bodyDigest?: boolean };
	/** Why a genuine event is not for this node (a filter), or undefined to run the workflow. */
	ignoreReason?(body: WebhookBody): string | undefined;
	/** More for the workflow's item than body, headers and verification: what the sender's codes in the body mean. */
	describe?(body: WebhookBody): IDataObject | undefined;
	/** Headers handed to the workflow besides content-type and user-agent; never a secret-bearing one. */
	passHeaders?: string[];
}

interface Checked {
	timestamp?: number;
	eventId?: string;
}

function eventIdOf(policy: WebhookPolicy, request: SignedRequest, body: WebhookBody): string | undefined | Refused {
	if (policy.eventId?.header) {
		const header = readHeader(request.headers, policy.eventId.header);
		return 'value' in header ? header.value : header;
	}
	if (policy.eventId?.bodyField) {
		const value = valueAt(body, policy.eventId.bodyField);
		// Without its id a captured event could be sent again and again inside the window.
		if (value === undefined || value === null || value === '')
			return unauthorized(`body carries no ${policy.eventId.bodyField}, the event id that replays are refused by`);
		return typeof value === 'string' || typeof value === 'number' ? String(value) : malformed(`${policy.eventId.bodyField} is not an id`);
	}
	if (policy.eventId?.bodyDigest) return `sha256:${createHash('sha256').update(request.rawBody).digest('hex')}`;
	return undefined;
}

function checkReplay(
	ctx: IWebhookFunctions,
	policy: WebhookPolicy,
	request: SignedRequest,
	body: WebhookBody,
	now: number,
): Checked | Refused {
	const checked: Checked = {};
	if (policy.bodyTimestampField && policy.toleranceSeconds > 0) {
		const value = valueAt(body, policy.bodyTimestampField);
		if (value === undefined || value === null) return unauthorized(`body carries no ${policy.bodyTimestampField}`);
		const timestamp = checkTimestamp(value, policy.toleranceSeconds, now, policy.bodyTimestampField);
		if (!('timestamp' in timestamp)) return timestamp;
		checked.timestamp = timestamp.timestamp;
	}
	const eventId = eventIdOf(policy, request, body);
	if (typeof eventId === 'object') return eventId;
	if (eventId !== undefined) {
		const guard = replayGuardFor(`${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`, policy.toleranceSeconds);
		if (!guard.remember(eventId, now) || !rememberPersisted(ctx, guard, eventId, now))
			return unauthorized(`event ${eventId.slice(0, 64)} was already received`);
		checked.eventId = eventId;
	}
	return checked;
}

/**
 * What the three webhook triggers share: verify over the raw body, then parse it, then refuse
 * stale timestamps and repeated event ids, in this process's memory and in the node's static data
 * that every process shares (only now, so unsigned requests cannot touch the replay memory), then
 * filter, then start one execution with the body, the useful headers and how the request proved itself.
 */
export async function handleWebhook(ctx: IWebhookFunctions, policy: WebhookPolicy, now = Date.now()): Promise<IWebhookResponseData> {
	const request = await readSignedRequest(ctx);
	if ('ok' in request) return refuse(ctx, request);
	const verification = policy.verify(request, now);
	if (!verification.ok) return refuse(ctx, verification);

	const contentType = request.headers['content-type'];
	const parsed = parseBody(request.rawBody, typeof contentType === 'string' ? contentType : undefined);
	if (!parsed.ok) return refuse(ctx, malformed(parsed.reason));

	const checked = checkReplay(ctx, policy, request, parsed.body, now);
	if ('ok' in checked) return refuse(ctx, checked);

	const ignored = policy.ignoreReason?.(parsed.body);
	if (ignored !== undefined) return ignore(ignored);

	const timestamp = verification.timestamp ?? checked.timestamp;
	const details: IDataObject = { method: verification.method };
	if (timestamp !== undefined) details.timestamp = new Date(timestamp).toISOString();
	if (checked.eventId !== undefined) details.eventId = checked.eventId;
	return accept(ctx, {
		// First, so a description can never replace what was received and verified.
		...policy.describe?.(parsed.body),
		body: parsed.body as IDataObject,
		headers: pickHeaders(request.headers, policy.passHeaders ?? []),
		verification: details,
	});
}
