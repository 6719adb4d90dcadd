import { chunk } from '../util/map-limit';

/** How one destination sends many records per request and reads a provider's refusal of a batch. */
export interface Batching<T, R> {
	/** Records per request before any split. */
	size: number;
	/** Sends one batch; answers one result per record, in the batch's order, or throws the provider's refusal. */
	send(batch: T[]): Promise<R[]>;
	/**
	 * Whether a refusal of a batch of several records may not hold for its halves: the batch was
	 * too large, or one bad record made the provider refuse all of them.
	 */
	splits(error: unknown): boolean;
	/** The results of a batch refused for good (a single record, or a refusal its halves would share); throwing stops the run. */
	settle(error: unknown, batch: T[]): R[] | Promise<R[]>;
}

async function sendSplitting<T, R>(batch: T[], batching: Batching<T, R>): Promise<R[]> {
	try {
		return await batching.send(batch);
	} catch (error) {
		if (batch.length < 2 || !batching.splits(error)) return await batching.settle(error, batch);
		const half = Math.ceil(batch.length / 2);
		return [...(await sendSplitting(batch.slice(0, half), batching)), ...(await sendSplitting(batch.slice(half), batching))];
	}
}

/**
 * Sends the records in batches of `size`, one request after another. A batch the provider refuses
 * as a whole is split in halves and each half sent again, so no record fails for the size or the
 * company of its batch: a record still refused on its own fails alone, with the provider's words.
 * One result per record, in the records' order.
 */
export async function sendInBatches<T, R>(records: readonly T[], batching: Batching<T, R>): Promise<R[]> {
	const results: R[] = [];
	for (const batch of chunk(records, Math.max(1, Math.floor(batching.size)))) results.push(...(await sendSplitting(batch, batching)));
	return results;
}
