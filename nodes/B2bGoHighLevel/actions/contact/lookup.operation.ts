import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { normalizeEmail, text } from '../../../../lib/normalize';
import { eachItem, optionsCollection, problemError } from '../../../../lib/node-kit';
import { e164, searchContacts, searchTextProblem } from '../../../../lib/destinations/goHighLevel';

import { GhlRun } from '../run';

const show = { resource: ['contact'], operation: ['lookup'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Phone', value: 'phone' },
		],
		default: 'email',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		displayOptions: { show: { ...show, lookupBy: ['email'] } },
		default: '={{ $json.person?.email ?? $json.email }}',
		placeholder: 'name@email.com',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		displayOptions: { show: { ...show, lookupBy: ['phone'] } },
		default: '={{ $json.person?.phones?.[0]?.number ?? $json.phone }}',
		placeholder: '+14155550100',
		description: 'Compared in E.164, as HighLevel stores phones; a ten-digit number is taken as North American (+1)',
	},
	optionsCollection(show),
];

/**
 * Every contact with that email or phone (more than one when the location allows duplicates); none
 * outputs nothing. A value longer than HighLevel's 75-character filter limit fails the item unsent.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const run = await GhlRun.start(this);
	return await eachItem(this, items, async (itemIndex) => {
		const field = this.getNodeParameter('lookupBy', itemIndex) as 'email' | 'phone';
		const raw = text(this.getNodeParameter(field, itemIndex, ''));
		if (raw === undefined) throw problemError(this, itemIndex, { field, message: `no ${field} to look up` });
		const value = field === 'email' ? (normalizeEmail(raw) as string) : e164(raw);
		const problem = searchTextProblem(field, value);
		if (problem) throw problemError(this, itemIndex, problem);
		return await searchContacts(this, run.connection, { filters: [{ field, operator: 'eq', value }] }, Infinity, run.call(itemIndex));
	});
}
