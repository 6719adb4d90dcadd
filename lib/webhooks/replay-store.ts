import type { IWebhookFunctions } from 'n8n-workflow';

import { replayKey } from '../signatures';
import type { ReplayGuard } from '../signatures';

/**
 * Event ids in the trigger node's workflow static data. For every production webhook call n8n
 * reads the workflow, static data included, from its database and writes changed static data
 * back when the call is answered, in whichever process took it (the main process, or any
 * `n8n webhook` process in queue mode): so a replay sent to another process, or after a restart,
 * is still recognised.
 *
 * n8n writes the whole static data, last write wins: two calls answered at the same moment by two
 * processes each write what they read plus their own id, and one of the two ids is lost. Each write
 * therefore carries every unexpired id this process has taken (its guard), so a lost id is back in
 * the database with that process's next call. The guard itself refuses replays sent to this process.
 */
const FIELD = 'replayIds';

/** The package's triggers that keep replay ids in their workflow's static data, by the node type n8n names them with. */
export const REPLAY_GUARDED_TRIGGERS: ReadonlySet<string> = new Set(
	['signedWebhookTrigger', 'goHighLevelTrigger', 'haloPsaTrigger'].map((name) => `n8n-nodes-halopsa-b2b.${name}`),
);

/** Bounds the row n8n rewrites on each call: about 40 bytes an id. */
export const MAX_PERSISTED_IDS = 5_000;

/**
 * Records the id until `now + windowMs`, with the guard's other live ids; false when it is already
 * recorded and unexpired.
 */
export function rememberPersisted(ctx: IWebhookFunctions, guard: ReplayGuard, eventId: string, now: number): boolean {
	const data = ctx.getWorkflowStaticData('node');
	const stored = data[FIELD] !== null && typeof data[FIELD] === 'object' ? (data[FIELD] as Record<string, unknown>) : {};
	const key = replayKey(eventId);
	const nowSeconds = Math.floor(now / 1000);
	const expiries = new Map(
		Object.entries(stored).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > nowSeconds),
	);
	if (expiries.has(key)) return false;
	for (const [seen, expiryMs] of guard.live(now)) expiries.set(seen, Math.max(expiries.get(seen) ?? 0, Math.ceil(expiryMs / 1000)));
	expiries.set(key, nowSeconds + Math.ceil(guard.windowMs / 1000));
	let live = [...expiries];
	// Past the bound the ids nearest to leaving their window go first, the new one never.
	if (live.length > MAX_PERSISTED_IDS) {
		const others = live.filter(([seen]) => seen !== key).sort((a, b) => a[1] - b[1]);
		live = [...others.slice(-(MAX_PERSISTED_IDS - 1)), [key, expiries.get(key)!]];
	}
	// A new object, so n8n's change tracking on static data sees the write.
	data[FIELD] = Object.fromEntries(live);
	return true;
}
