import { createHash } from 'crypto';

import type { IWebhookFunctions } from 'n8n-workflow';

/**
 * Event ids in the trigger node's workflow static data. For every production webhook call n8n
 * reads the workflow, static data included, from its database and writes changed static data
 * back once the call is answered, in whichever process took it (the main process, or any
 * `n8n webhook` process in queue mode): so a replay sent to another process, or after a restart,
 * is still recognised. n8n 2.40.7 defeats this for every id after a trigger's first: starting the
 * execution, its WorkflowRunner wraps the same static data in a second Workflow, which clears the
 * changed flag before the save (test/queue measures it). The in-process guard covers the process that
 * took the call either way.
 */
const FIELD = 'replayIds';

/** Bounds the row n8n rewrites on each call: about 40 bytes an id. */
export const MAX_PERSISTED_IDS = 5_000;

/** A fixed-size key, so a long or revealing id is never stored as it came. */
const keyOf = (eventId: string): string => createHash('sha256').update(eventId).digest('base64url').slice(0, 22);

/** Records the id until `now + windowMs`; false when it is already recorded and unexpired. */
export function rememberPersisted(ctx: IWebhookFunctions, eventId: string, now: number, windowMs: number): boolean {
	const data = ctx.getWorkflowStaticData('node');
	const stored = data[FIELD] !== null && typeof data[FIELD] === 'object' ? (data[FIELD] as Record<string, unknown>) : {};
	const key = keyOf(eventId);
	const nowSeconds = Math.floor(now / 1000);
	const live = Object.entries(stored).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > nowSeconds);
	if (live.some(([seen]) => seen === key)) return false;
	// Past the bound the ids nearest to leaving their window go first; below it no order is needed.
	if (live.length >= MAX_PERSISTED_IDS) live.sort((a, b) => a[1] - b[1]);
	const kept: Record<string, number> = Object.fromEntries(live.slice(-(MAX_PERSISTED_IDS - 1)));
	kept[key] = nowSeconds + Math.ceil(windowMs / 1000);
	// A new object, so n8n's change tracking on static data sees the write.
	data[FIELD] = kept;
	return true;
}
