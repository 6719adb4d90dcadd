import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { providerRequest } from '../../lib/transport';
import type { ProviderProfile, RetryPolicy } from '../../lib/transport';

/**
 * A test-only node that sends one transport request per input item, as the package's nodes do,
 * so the transport and each credential can be exercised inside n8n-core before any real node
 * exists. Each item's json says what to send: `{ method, path, qs?, body?, idempotent? }`.
 */
export function probeNodeType(profile: ProviderProfile, retry?: Partial<RetryPolicy>): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Sends one provider request per item',
		defaults: { name: 'Transport Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: profile.credentialType, required: true }],
		properties: [],
	} as unknown as INodeTypeDescription;

	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const results = await Promise.all(
				items.map(async (item, itemIndex) => {
					const spec = item.json as {
						method: IHttpRequestMethods;
						path: string;
						qs?: IDataObject;
						body?: IDataObject;
						idempotent?: boolean;
					};
					try {
						const response = await providerRequest(this, profile, spec, { itemIndex, retry });
						return { json: { status: response.status, body: response.body as IDataObject }, pairedItem: { item: itemIndex } };
					} catch (error) {
						if (!this.continueOnFail()) throw error;
						return {
							json: { error: (error as Error).message, kind: (error as { kind?: string }).kind ?? null },
							pairedItem: { item: itemIndex },
						};
					}
				}),
			);
			return [results];
		},
	};
}
