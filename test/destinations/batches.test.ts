import { sendInBatches } from '../../lib/destinations/batches';
import type { Batching } from '../../lib/destinations/batches';

class Refusal extends Error {
	constructor(
		message: string,
		readonly splittable: boolean,
	) {
		super(message);
	}
}

/**
 * A provider that takes at most `limit` records a request and refuses a whole request for one
 * record it will not take, as HaloPSA and Thrio do; `down` refuses everything in a way halving
 * cannot cure.
 */
function provider(limit: number, refused: number[] = [], down = false) {
	const sent: number[][] = [];
	const batching: Batching<number, string> = {
		size: 8,
		send: async (batch) => {
			sent.push(batch);
			if (down) throw new Refusal('service unavailable', false);
			if (batch.length > limit) throw new Refusal(`at most ${limit} records per request`, true);
			const bad = batch.find((record) => refused.includes(record));
			if (bad !== undefined) throw new Refusal(`record ${bad} is invalid`, true);
			return batch.map((record) => `saved ${record}`);
		},
		splits: (error) => error instanceof Refusal && error.splittable,
		settle: (error, batch) => batch.map((record) => `failed ${record}: ${(error as Error).message}`),
	};
	return { sent, batching };
}

const records = (n: number) => Array.from({ length: n }, (_, index) => index);

describe('sendInBatches', () => {
	it('sends batches of the size, one result per record in order, and nothing for no records', async () => {
		const { sent, batching } = provider(8);
		expect(await sendInBatches(records(20), batching)).toEqual(records(20).map((record) => `saved ${record}`));
		expect(sent.map((batch) => batch.length)).toEqual([8, 8, 4]);
		expect(await sendInBatches([], batching)).toEqual([]);
		expect(sent).toHaveLength(3);
	});

	it('halves a batch refused as too large until the halves are taken, and keeps the records in order', async () => {
		const { sent, batching } = provider(3);
		expect(await sendInBatches(records(10), batching)).toEqual(records(10).map((record) => `saved ${record}`));
		// 8 is refused, its halves of 4 too, their halves of 2 are taken; the last 2 fit at once.
		expect(sent).toEqual([records(8), [0, 1, 2, 3], [0, 1], [2, 3], [4, 5, 6, 7], [4, 5], [6, 7], [8, 9]]);
	});

	it('puts an odd record in the first half', async () => {
		const { sent, batching } = provider(2);
		await sendInBatches(records(5), { ...batching, size: 5 });
		expect(sent).toEqual([records(5), [0, 1, 2], [0, 1], [2], [3, 4]]);
	});

	it("fails a record still refused on its own alone, with the provider's message; the others are saved", async () => {
		const { sent, batching } = provider(8, [5]);
		const results = await sendInBatches(records(8), batching);
		expect(results).toEqual(records(8).map((record) => (record === 5 ? 'failed 5: record 5 is invalid' : `saved ${record}`)));
		expect(sent).toEqual([records(8), [0, 1, 2, 3], [4, 5, 6, 7], [4, 5], [4], [5], [6, 7]]);
	});

	it('does not split a refusal its halves would share: the batch fails and the next batch still goes', async () => {
		const { sent, batching } = provider(8, [], true);
		const results = await sendInBatches(records(10), batching);
		expect(results).toEqual(records(10).map((record) => `failed ${record}: service unavailable`));
		expect(sent.map((batch) => batch.length)).toEqual([8, 2]);
	});

	it('stops the run when settling a refusal throws', async () => {
		const { sent, batching } = provider(8, [], true);
		const settle = () => {
			throw new Error('not a provider answer');
		};
		await expect(sendInBatches(records(10), { ...batching, settle })).rejects.toThrow('not a provider answer');
		expect(sent).toHaveLength(1);
	});

	it('sends at least one record a request whatever size is asked', async () => {
		const { sent, batching } = provider(8);
		await sendInBatches(records(2), { ...batching, size: 0 });
		expect(sent).toEqual([[0], [1]]);
	});
});
