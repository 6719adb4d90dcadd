import { asNodeError } from '../../../lib/transport';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ProviderName } from '../../../lib/normalize';
import { collectPages, errorItem, paired } from '../../../lib/node-kit';
import type { CallOptions, SearchPage } from '../../../lib/sources/contracts';

export interface SearchSpec<F> {
	/** The provider module's search, or undefined when the provider has none for this resource. */
	searcher(provider: ProviderName): {
		maxPageSize: number;
		maxPage?: number;
		search(filters: F, page: number, pageSize: number, options: CallOptions): Promise<SearchPage>;
	};
	filters(itemIndex: number): F;
	/** The output item's json for one record. */
	output(record: SearchPage['records'][number], provider: ProviderName): IDataObject;
	/** Which records to return (the others are passed over and made up for from later pages). */
	keep?(record: SearchPage['records'][number]): boolean;
	/** The records one item's search returned, once all of them are in hand. */
	returned?(records: SearchPage['records']): void;
}

/**
 * One search per input item, following the provider's pages to the end or the limit, one output
 * item per record, paired with its input; a failed search fails its item (or, under
 * continue-on-fail, becomes an error item for it).
 */
export async function runSearch<F>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	spec: SearchSpec<F>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const provider = ctx.getNodeParameter('provider', itemIndex) as ProviderName;
			const searcher = spec.searcher(provider);
			const filters = spec.filters(itemIndex);
			const { maxAttempts } = ctx.getNodeParameter('options', itemIndex, {}) as { maxAttempts?: number };
			const wanted = ctx.getNodeParameter('returnAll', itemIndex) ? Infinity : (ctx.getNodeParameter('limit', itemIndex) as number);
			const { records } = await collectPages((page, pageSize) => searcher.search(filters, page, pageSize, { itemIndex, maxAttempts }), {
				wanted,
				maxPageSize: searcher.maxPageSize,
				maxPage: searcher.maxPage,
				keep: spec.keep,
			});
			for (const record of records) output.push(paired(spec.output(record, provider), itemIndex));
			spec.returned?.(records);
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, itemIndex);
			output.push(errorItem(ctx, items[itemIndex], itemIndex, asNodeError(ctx.getNode(), error, itemIndex).message));
		}
	}
	return output;
}
