import { asNodeError } from '../../../../lib/transport';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ProviderName } from '../../../../lib/normalize';
import { errorItem, optionsCollection, paired } from '../../../../lib/node-kit';
import { providerModules } from '../../../../lib/sources/registry';
import { providersField } from '../fields';

const show = { resource: ['account'], operation: ['getUsage'] };

export const description: INodeProperties[] = [
	providersField(
		show,
		['apollo', 'zoomInfo', 'hunter', 'upLead'],
		['hunter'],
		'One output item per provider with its remaining quota and credits',
	),
	optionsCollection(show),
];

/**
 * Remaining quota and credits per provider, so a workflow can check its budget before a big run.
 * The figures belong to the account, not to an item: they are read once per execution, however
 * many items arrive, and paired with the first.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const { maxAttempts } = this.getNodeParameter('options', 0, {}) as { maxAttempts?: number };
	const output: INodeExecutionData[] = [];
	for (const module of providerModules(this.getNodeParameter('providers', 0) as ProviderName[])) {
		try {
			const report = await module.usage.getUsage(this, { itemIndex: 0, maxAttempts });
			const remaining = Object.fromEntries(
				report.figures.filter((figure) => figure.remaining !== undefined).map((figure) => [figure.name, figure.remaining]),
			);
			output.push(
				paired(
					{ provider: report.provider, remaining, figures: report.figures as unknown as IDataObject[], raw: report.raw as IDataObject },
					0,
				),
			);
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, 0);
			output.push(errorItem(this, items[0] ?? { json: {} }, 0, asNodeError(this.getNode(), error, 0).message));
		}
	}
	return output;
}
