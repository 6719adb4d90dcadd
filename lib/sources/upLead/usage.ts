import { num } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { CallOptions, UsageReport } from '../contracts';
import { upLeadJson } from './call';
import { fields } from './map';

/** UpLead's spelling and placement of the balance vary between answers (reference: "location varies"). */
const BALANCE_KEYS = ['credits', 'availableCredits', 'available_credits', 'credits_remaining'];

function creditsLeft(answer: unknown): number | undefined {
	for (const source of [fields(fields(answer).data), fields(answer)]) {
		for (const key of BALANCE_KEYS) {
			const credits = num(source[key]);
			if (credits !== undefined) return credits;
		}
	}
	return undefined;
}

/** UpLead reports only what is left, not what was used or the plan's size. */
export async function getUsage(ctx: TransportContext, options?: CallOptions): Promise<UsageReport> {
	const answer = await upLeadJson<object>(ctx, { method: 'GET', path: '/credits' }, options);
	const remaining = creditsLeft(answer);
	return { provider: 'upLead', figures: remaining === undefined ? [] : [{ name: 'credits', remaining }], raw: answer };
}
