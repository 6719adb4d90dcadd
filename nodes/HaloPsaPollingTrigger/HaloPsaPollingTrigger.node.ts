import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { listPage } from '../../lib/destinations/haloPsa';
import { asNodeError } from '../../lib/transport';
import { baseline, changesSince } from './changes';
import { chronological, cursorKey } from './cursor';
import type { Cursor } from './cursor';
import { properties } from './description';
import { pollSettings } from './settings';

export class HaloPsaPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaloPSA Polling Trigger',
		name: 'haloPsaPollingTrigger',
		icon: { light: 'file:haloPsaPolling.svg', dark: 'file:haloPsaPolling.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["event"] === "created" ? "New " : "New or updated ") + $parameter["entity"]}}',
		description: 'Starts the workflow when HaloPSA clients, users, opportunities or tickets are created or updated, without any webhook',
		defaults: { name: 'HaloPSA Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'b2bHaloPsaOAuth2Api', required: true }],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = pollSettings(this);
		const key = cursorKey(settings);
		const staticData = this.getWorkflowStaticData('node');
		const cursor = staticData.cursor as Cursor | undefined;
		try {
			if (cursor?.key !== key) {
				staticData.cursor = (await baseline(this, settings, key)) as unknown as IDataObject;
				const sample = this.getMode() === 'manual' ? Number((this.getNodeParameter('options', {}) as IDataObject).testRecords ?? 0) : 0;
				if (sample <= 0) return null;
				const { records } = await listPage(this, settings.entity, { ...settings.filters, order: 'id', orderdesc: true }, 1, sample);
				return records.length > 0 ? [this.helpers.returnJsonArray(records as IDataObject[])] : null;
			}
			const changes = await changesSince(this, settings, cursor);
			staticData.cursor = changes.cursor as unknown as IDataObject;
			return changes.records.length > 0 ? [this.helpers.returnJsonArray(chronological(changes.records, settings) as IDataObject[])] : null;
		} catch (error) {
			throw asNodeError(this.getNode(), error);
		}
	}
}
