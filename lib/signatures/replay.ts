import { createHash } from 'crypto';

/** A fixed-size key for an event id, so a long or revealing id is never kept as it came. */
export const replayKey = (eventId: string): string => createHash('sha256').update(eventId).digest('base64url').slice(0, 22);

/**
 * Event ids seen recently, so a captured request sent again inside its window is refused.
 *
 * The memory is this process's own: it refuses any replay that reaches the process that took the
 * first call. The webhook pipeline also records each id in the node's static data, which n8n
 * persists, for replays that reach another webhook process or come after a restart (see replay-store).
 *
 * Only requests whose signature has been verified are remembered, so nobody without the secret
 * or key can fill the memory or block a genuine event by sending its id first.
 */
export class ReplayGuard {
	/** id -> expiry (epoch ms); a Map keeps insertion order, which is close to expiry order. */
	private readonly seen = new Map<string, number>();

	constructor(
		public windowMs: number,
		private readonly maxEntries = 10_000,
	) {}

	/** Remembers the id; false when it was already seen inside its window. */
	remember(eventId: string, now: number): boolean {
		const key = replayKey(eventId);
		this.forgetExpired(now);
		const expiry = this.seen.get(key);
		if (expiry !== undefined && expiry > now) return false;
		// Past the bound the oldest id goes first: it is the nearest to leaving its window anyway.
		if (this.seen.size >= this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
		this.seen.delete(key);
		this.seen.set(key, now + this.windowMs);
		return true;
	}

	get size(): number {
		return this.seen.size;
	}

	/** The unexpired keys (see `replayKey`) with their expiry in epoch ms. */
	live(now: number): Array<[string, number]> {
		this.forgetExpired(now);
		return [...this.seen];
	}

	private forgetExpired(now: number): void {
		for (const [key, expiry] of this.seen) {
			if (expiry > now) break;
			this.seen.delete(key);
		}
	}
}

const MAX_GUARDS = 1_000;
const guards = new Map<string, ReplayGuard>();

/**
 * The guard of one trigger node (key: workflow id and node id). A request signed at the edge of
 * the tolerance may be replayed until the same edge on the other side, so ids are kept for twice
 * the tolerance.
 */
export function replayGuardFor(key: string, toleranceSeconds: number): ReplayGuard {
	const windowMs = Math.max(toleranceSeconds, 1) * 2000;
	let guard = guards.get(key);
	if (guard === undefined) {
		if (guards.size >= MAX_GUARDS) guards.delete(guards.keys().next().value as string);
		guard = new ReplayGuard(windowMs);
		guards.set(key, guard);
	}
	guard.windowMs = windowMs;
	return guard;
}
