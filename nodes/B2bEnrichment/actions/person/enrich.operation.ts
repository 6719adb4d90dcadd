import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { WANTED_FIELDS, enrichPeople, parsePerson } from '../../../../lib/enrichment';
import type { CatchAllPolicy, WantedField } from '../../../../lib/enrichment';
import type { ProviderName } from '../../../../lib/normalize';
import { assertNoProblems, optionsCollection } from '../../../../lib/node-kit';
import { PROVIDER_MODULES, providerModules } from '../../../../lib/sources/registry';
import { WATERFALL_HINT, personInput, personInputFields, providersField } from '../fields';
import { outcomesToItems } from '../output';

const show = { resource: ['person'], operation: ['enrich', 'findEmail'] };

export const description: INodeProperties[] = [
	providersField({ resource: ['person'], operation: ['enrich'] }, ['apollo', 'zoomInfo', 'hunter', 'upLead'], ['apollo'], WATERFALL_HINT),
	providersField(
		{ resource: ['person'], operation: ['findEmail'] },
		['hunter', 'apollo', 'zoomInfo', 'upLead'],
		['hunter', 'apollo'],
		`${WATERFALL_HINT} Hunter's email finder needs a first and last name with a company domain.`,
	),
	...personInputFields(show),
	{
		displayName: 'Wanted Fields',
		name: 'wanted',
		type: 'multiOptions',
		displayOptions: { show: { resource: ['person'], operation: ['enrich'] } },
		options: Object.entries(WANTED_FIELDS).map(([value, name]) => ({ name, value })),
		default: ['email', 'title'],
		description: 'The waterfall stops for an item once it has all of these',
	},
	optionsCollection(show, [
		{
			displayName: 'Catch-All Emails',
			name: 'catchAll',
			type: 'options',
			options: [
				{
					name: 'Keep Looking for a Verified One',
					value: 'continue',
					description: 'Keep the catch-all address, but ask the next providers for a verified one',
				},
				{ name: 'Accept', value: 'accept', description: 'A catch-all address counts as found' },
				{ name: 'Reject', value: 'reject', description: 'Never take a catch-all address' },
			],
			default: 'continue',
			description: 'What to do with an address on a domain that accepts every email, so that its deliverability cannot be known',
		},
		{
			displayName: 'Keep Input Fields',
			name: 'keepInput',
			type: 'boolean',
			default: true,
			description: "Whether to output the input item's fields beside the enrichment",
		},
		{
			displayName: 'Phone Webhook URL (Apollo)',
			name: 'phoneWebhookUrl',
			type: 'string',
			default: '',
			placeholder: 'https://your-n8n/webhook/…/webhook?token=SECRET',
			description:
				'Where Apollo delivers revealed phone numbers, unsigned: a Signed Webhook Trigger set to Apollo Phone Reveal (Secret in URL), ' +
				'with its secret in the URL. Needed with Reveal Phone Numbers.',
		},
		{
			displayName: 'Reveal Phone Numbers (Apollo)',
			name: 'revealPhone',
			type: 'boolean',
			default: false,
			description: 'Whether Apollo should reveal phone numbers: extra credits per person, delivered later to a webhook',
		},
		{
			displayName: 'Stop at First Verified Email',
			name: 'stopAtVerifiedEmail',
			type: 'boolean',
			default: false,
			description: 'Whether an item stops going down the waterfall once it has a verified email, whatever else is missing',
		},
		{
			displayName: 'Verify Found Emails (Hunter)',
			name: 'verify',
			type: 'boolean',
			default: false,
			description:
				"Whether to check found emails that are not already verified with Hunter's email verifier (one verification per distinct " +
				'address). Hunter must be one of the providers.',
		},
	]),
];

interface Options {
	catchAll?: CatchAllPolicy;
	keepInput?: boolean;
	maxAttempts?: number;
	revealPhone?: boolean;
	phoneWebhookUrl?: string;
	stopAtVerifiedEmail?: boolean;
	verify?: boolean;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await personWaterfall.call(this, items, false);
}

/** Enrich Person and Find Email: the same waterfall; Find Email wants only the email and stops at a verified one. */
export async function personWaterfall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	findEmail: boolean,
): Promise<INodeExecutionData[]> {
	const read = items.map((item, itemIndex) => personInput(this, item.json, itemIndex));
	const problems = read.map(({ problem }) => problem);
	assertNoProblems(
		this,
		read.map(({ input, problem }, itemIndex) => ({ itemIndex, problem: problem ?? parsePerson(input).problem })),
	);
	// An item refused here goes to the engine empty: with nothing to look up, nothing is spent on it.
	const inputs = read.map(({ input, problem }) => (problem ? {} : input));

	const providers = this.getNodeParameter('providers', 0) as ProviderName[];
	const options = this.getNodeParameter('options', 0, {}) as Options;
	if (options.verify && !providers.includes('hunter')) {
		throw new NodeOperationError(this.getNode(), 'Verify Found Emails uses Hunter: add Hunter to the providers', {
			description:
				'Hunter is then also asked for emails the providers before it did not find. Put it last to use it mostly for verification.',
		});
	}
	const outcomes = await enrichPeople(this, inputs, {
		providers: providerModules(providers),
		rules: {
			wanted: findEmail ? ['email'] : (this.getNodeParameter('wanted', 0) as WantedField[]),
			stopAtVerifiedEmail: options.stopAtVerifiedEmail ?? findEmail,
			catchAll: options.catchAll ?? 'continue',
		},
		verifier: options.verify ? PROVIDER_MODULES.hunter.emailVerifier : undefined,
		options: { maxAttempts: options.maxAttempts, revealPhone: options.revealPhone, phoneWebhookUrl: options.phoneWebhookUrl || undefined },
	});
	return outcomesToItems(this, items, outcomes, options.keepInput ?? true, problems);
}
