import { compact, num } from '../../normalize';
import type { UsageFigure, UsageReader } from '../contracts';
import { hunterGet } from './call';
import type { HunterAccountData } from './types';

/** Hunter's `/account` (free): used and available per counter for the current month. */
export const hunterUsage: UsageReader = {
	provider: 'hunter',
	async getUsage(ctx, options) {
		const { body } = await hunterGet<HunterAccountData>(ctx, { path: '/account' }, options);
		const requests = body.data?.requests ?? {};
		const figures = Object.entries(requests).map(([name, quota]) => {
			const used = num(quota?.used);
			// Hunter's `available` is the period's allowance, not what is left of it.
			const limit = num(quota?.available);
			return compact<UsageFigure>({
				name,
				used,
				limit,
				remaining: used !== undefined && limit !== undefined ? Math.max(0, limit - used) : undefined,
			});
		});
		return { provider: 'hunter', figures, raw: body };
	},
};
