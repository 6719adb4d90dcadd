import { compact, num } from '../../normalize';
import type { UsageFigure, UsageReader } from '../contracts';
import { apolloCall } from './call';

/** Apollo's header words per period; the daily figures come as `daily`, `24-hour`, or both. */
const PERIODS: Array<{ period: string; words: string[] }> = [
	{ period: 'minute', words: ['minute'] },
	{ period: 'hour', words: ['hourly'] },
	{ period: 'day', words: ['daily', '24-hour'] },
];

function header(headers: Record<string, string>, names: string[]): number | undefined {
	return names.map((name) => num(headers[name])).find((value) => value !== undefined);
}

/**
 * Apollo has no usage endpoint and no credit balance in its API, so this reports the rate-limit
 * headers of a free call. Apollo counts them per endpoint: they describe `/auth/health`'s windows,
 * which show the plan's limits but not how much of other endpoints' windows is spent.
 */
export const apolloUsage: UsageReader = {
	provider: 'apollo',
	async getUsage(ctx, options) {
		const response = await apolloCall<unknown>(ctx, { method: 'GET', path: '/auth/health' }, options);
		const figures = PERIODS.map(({ period, words }) =>
			compact<UsageFigure>({
				name: 'requests',
				period,
				limit: header(
					response.headers,
					words.map((word) => `x-rate-limit-${word}`),
				),
				used: header(
					response.headers,
					words.map((word) => `x-${word}-usage`),
				),
				remaining: header(
					response.headers,
					words.map((word) => `x-${word}-requests-left`),
				),
			}),
		).filter((figure) => figure.limit !== undefined || figure.used !== undefined || figure.remaining !== undefined);
		const rateHeaders = Object.fromEntries(
			Object.entries(response.headers).filter(([name]) => /^x-(rate-limit-|minute-|hourly-|daily-|24-hour-)/.test(name)),
		);
		return { provider: 'apollo', figures, raw: { headers: rateHeaders, body: response.body } };
	},
};
