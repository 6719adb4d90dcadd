import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { Detection, PollSettings, PolledEntity } from './cursor';

/**
 * The last-changed field HaloPSA keeps per entity, as its API returns records (clients
 * `alastupdate`, tickets and opportunities `lastactiondate`). HaloPSA publishes no schema, so the
 * field is a setting; users carry none, so they are compared by content.
 */
export const UPDATED_FIELD: Partial<Record<PolledEntity, string>> = {
	Client: 'alastupdate',
	Tickets: 'lastactiondate',
	Opportunities: 'lastactiondate',
};

function detectionFor(entity: PolledEntity, chosen: string, field: string): { detection: Detection; field: string } | undefined {
	if (chosen === 'contents') return { detection: 'contents', field: '' };
	const resolved = field.trim() || UPDATED_FIELD[entity];
	if (resolved !== undefined) return { detection: 'updatedField', field: resolved };
	return chosen === 'auto' ? { detection: 'contents', field: '' } : undefined;
}

export function pollSettings(ctx: IPollFunctions): PollSettings {
	const entity = ctx.getNodeParameter('entity') as PolledEntity;
	const includeUpdates = ctx.getNodeParameter('event') === 'createdOrUpdated';
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const chosen = includeUpdates ? (ctx.getNodeParameter('detection', 'auto') as string) : 'auto';
	const detection = detectionFor(entity, chosen, includeUpdates ? String(ctx.getNodeParameter('updatedField', '')) : '');
	if (detection === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Name the field that holds when a ${entity} record last changed, or compare record contents`,
		);
	}
	const filters: IDataObject = {};
	if (options.includeInactive === true) filters.includeinactive = true;
	const query = (options.queryParameters as { parameter?: Array<{ name: string; value: string }> } | undefined)?.parameter ?? [];
	for (const { name, value } of query) if (name.trim() !== '') filters[name.trim()] = value;
	return { entity, includeUpdates, ...detection, fullScan: options.fullScan === true, filters };
}
