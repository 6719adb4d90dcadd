import { compact, num, text } from '../../normalize';
import type { TransportContext } from '../../transport';
import type { CallOptions, UsageFigure, UsageReport } from '../contracts';
import { zoomInfoJson } from './call';
import { fields } from './map';
import type { ZoomInfoUsageLine } from './types';

/** One figure per limit ZoomInfo meters (requestLimit, recordLimit, uniqueIdLimit...). */
function usageFigures(lines: unknown): UsageFigure[] {
	if (!Array.isArray(lines)) return [];
	return lines.map((entry): UsageFigure => {
		const line: ZoomInfoUsageLine = fields(entry);
		return compact({
			name: text(line.limitType) ?? 'unknown',
			limit: num(line.limit),
			used: num(line.currentUsage),
			remaining: num(line.usageRemaining),
		});
	});
}

export async function getUsage(ctx: TransportContext, options?: CallOptions): Promise<UsageReport> {
	const answer = await zoomInfoJson<{ usage?: unknown }>(ctx, { method: 'GET', path: '/lookup/usage' }, options);
	return { provider: 'zoomInfo', figures: usageFigures(answer.usage), raw: answer };
}
