/**
 * Shares one renewal between the requests that hit an expired token together. n8n runs a
 * credential's preAuthentication once per failed request, so a batch in flight would renew the
 * same token several times; where a renewal revokes the token it renews (GoHighLevel's
 * /token/update), every renewal but the first fails. A finished renewal is kept for a while so
 * that a request which read the old token just before it still gets the new one. (Within one
 * n8n process: queue-mode workers are separate processes.)
 */
export class SingleFlight<T> {
	private readonly entries = new Map<string, { pending: Promise<T>; startedAt: number }>();

	constructor(private readonly keepMs: number) {}

	async run(key: string, task: () => Promise<T>, now = Date.now()): Promise<T> {
		for (const [entryKey, entry] of this.entries) if (now - entry.startedAt > this.keepMs) this.entries.delete(entryKey);
		const existing = this.entries.get(key);
		if (existing !== undefined) return await existing.pending;
		const pending = task();
		this.entries.set(key, { pending, startedAt: now });
		// A failed renewal is not shared: the next request may try again (e.g. with the login).
		pending.catch(() => this.entries.delete(key));
		return await pending;
	}
}
