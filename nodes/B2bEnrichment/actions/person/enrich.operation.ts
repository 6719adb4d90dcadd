import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { WANTED_FIELDS, addHistory, enrichPeople, parsePerson, readHistory, tallyRun } from '../../../../lib/enrichment';
import type { CatchAllPolicy, GuessedPolicy, PersonEnrichmentConfig, WantedField } from '../../../../lib/enrichment';
import type { InputProblem, PersonInput, ProviderName } from '../../../../lib/normalize';
import { assertNoProblems, openNodeMemory, optionsCollection } from '../../../../lib/node-kit';
import { PROVIDER_MODULES, providerModules } from '../../../../lib/sources/registry';
import type { LostPaidAnswers } from '../../../../lib/transport';
import { WATERFALL_HINT, lostPaidAnswersOf, lostPaidAnswersOption, personInput, personInputFields, providersField } from '../fields';
import { creditLimitOptions, readCreditLimits, warnIfBudgetReached } from '../budget';
import type { CreditLimitSettings } from '../budget';
import { outcomesToItems } from '../output';

/** Estimate Cost shows Enrich's fields: it estimates an Enrich with them. */
const show = { resource: ['person'], operation: ['enrich', 'findEmail', 'estimate'] };
const enrichOrEstimate = { resource: ['person'], operation: ['enrich', 'estimate'] };

/**
 * Identities kept at most: three a person at most, so about 100,000 people in some 7 MB of the
 * workflow's static data; past it the oldest are forgotten first.
 */
const MAX_REMEMBERED_KEYS = 300_000;

export const description: INodeProperties[] = [
	providersField(enrichOrEstimate, ['apollo', 'zoomInfo', 'hunter', 'upLead'], ['apollo'], WATERFALL_HINT),
	providersField(
		{ resource: ['person'], operation: ['findEmail'] },
		['hunter', 'apollo', 'zoomInfo', 'upLead'],
		['hunter', 'apollo'],
		`${WATERFALL_HINT} Hunter's email finder needs a first and last name with a company domain.`,
	),
	...personInputFields(show),
	{
		displayName: 'Skip People Enriched in the Last N Days',
		name: 'skipKnownDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		displayOptions: { show },
		description:
			'A person this node asked a provider about within this many days is passed on at no cost, marked with when and by which ' +
			'providers (enrichment.known), instead of being paid for again. 0 turns the memory off.',
		hint:
			'What was found then is wherever this workflow sent it (for example HaloPSA). The memory is kept per workflow and node; rename ' +
			'the node to start afresh. Runs started by hand read it but do not add to it.',
	},
	{
		displayName: 'Wanted Fields',
		name: 'wanted',
		type: 'multiOptions',
		displayOptions: { show: enrichOrEstimate },
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
			displayName: 'Guessed Emails',
			name: 'guessed',
			type: 'options',
			options: [
				{
					name: 'Keep Looking for a Verified One',
					value: 'continue',
					description: 'Keep the guessed address, but ask the next providers for a verified one, which replaces it',
				},
				{ name: 'Accept', value: 'accept', description: 'A guessed address counts as found' },
				{
					name: 'Verify',
					value: 'verify',
					description:
						"Check a guessed address with Hunter's email verifier; an invalid one is dropped and the next providers are asked. Hunter " +
						'must be one of the providers.',
				},
			],
			default: 'continue',
			description: "What to do with an address a provider built from the company's email pattern without checking it, which may bounce",
		},
		{
			displayName: 'Keep Input Fields',
			name: 'keepInput',
			type: 'boolean',
			default: true,
			description: "Whether to output the input item's fields beside the enrichment",
		},
		lostPaidAnswersOption,
		...creditLimitOptions(['apollo', 'zoomInfo', 'hunter', 'upLead']),
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
				'address), each after the provider that found it: an invalid one is dropped and the next providers are asked. Hunter must be ' +
				'one of the providers.',
		},
	]),
];

interface Options extends CreditLimitSettings {
	catchAll?: CatchAllPolicy;
	guessed?: GuessedPolicy;
	keepInput?: boolean;
	lostPaidAnswers?: LostPaidAnswers;
	maxAttempts?: number;
	revealPhone?: boolean;
	phoneWebhookUrl?: string;
	stopAtVerifiedEmail?: boolean;
	verify?: boolean;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await personWaterfall.call(this, items, false);
}

/** Where the node keeps, in its workflow static data, whom it asked about and what its runs spent. */
export const MEMORY_FIELD = 'enrichedPeople';
export const HISTORY_FIELD = 'creditHistory';

/** A person run's items and settings, checked before anything is spent. */
export interface PersonRun {
	inputs: PersonInput[];
	problems: Array<InputProblem | undefined>;
	/** All the engine needs but the memory, which each operation opens its own way. */
	config: PersonEnrichmentConfig;
	skipKnownDays: number;
	keepInput: boolean;
}

/** What Enrich, Find Email (`findEmail`: only the email, up to a verified one) and Estimate Cost read from the node. */
export function readPersonRun(ctx: IExecuteFunctions, items: INodeExecutionData[], findEmail: boolean): PersonRun {
	const read = items.map((item, itemIndex) => personInput(ctx, item.json, itemIndex));
	assertNoProblems(
		ctx,
		read.map(({ input, problem }, itemIndex) => ({ itemIndex, problem: problem ?? parsePerson(input).problem })),
	);

	const providers = ctx.getNodeParameter('providers', 0) as ProviderName[];
	const options = ctx.getNodeParameter('options', 0, {}) as Options;
	const guessed = options.guessed ?? 'continue';
	const verifyingOption = options.verify ? 'Verify Found Emails' : guessed === 'verify' ? 'Guessed Emails: Verify' : undefined;
	if (verifyingOption !== undefined && !providers.includes('hunter')) {
		throw new NodeOperationError(ctx.getNode(), `${verifyingOption} uses Hunter: add Hunter to the providers`, {
			description:
				'Hunter is then also asked for emails the providers before it did not find. Put it last to use it mostly for verification.',
		});
	}
	const skipKnownDays = ctx.getNodeParameter('skipKnownDays', 0, 0) as number;
	if (typeof skipKnownDays !== 'number' || !Number.isInteger(skipKnownDays) || skipKnownDays < 0)
		throw new NodeOperationError(ctx.getNode(), 'Skip People Enriched in the Last N Days must be a whole number of days, 0 or more');
	return {
		// An item refused here goes to the engine empty: with nothing to look up, nothing is spent on it.
		inputs: read.map(({ input, problem }) => (problem ? {} : input)),
		problems: read.map(({ problem }) => problem),
		config: {
			providers: providerModules(providers),
			rules: {
				wanted: findEmail ? ['email'] : (ctx.getNodeParameter('wanted', 0) as WantedField[]),
				stopAtVerifiedEmail: options.stopAtVerifiedEmail ?? findEmail,
				catchAll: options.catchAll ?? 'continue',
				guessed,
			},
			verifier: verifyingOption !== undefined ? PROVIDER_MODULES.hunter.emailVerifier : undefined,
			verifyFound: options.verify,
			options: {
				maxAttempts: options.maxAttempts,
				lostPaidAnswers: lostPaidAnswersOf(options),
				revealPhone: options.revealPhone,
				phoneWebhookUrl: options.phoneWebhookUrl || undefined,
			},
			limits: readCreditLimits(ctx, options),
		},
		skipKnownDays,
		keepInput: options.keepInput ?? true,
	};
}

/** Enrich Person and Find Email: the same waterfall. */
export async function personWaterfall(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	findEmail: boolean,
): Promise<INodeExecutionData[]> {
	const { inputs, problems, config, skipKnownDays, keepInput } = readPersonRun(this, items, findEmail);
	const memory = skipKnownDays > 0 ? openNodeMemory(this, MEMORY_FIELD, 'the people enriched before') : undefined;
	const outcomes = await enrichPeople(this, inputs, {
		...config,
		memory: memory && { memory: memory.memory, days: skipKnownDays, today: memory.today },
	});
	if (memory) {
		// Nobody older than the window is of use again, so they are not stored.
		memory.memory.prune(memory.today - skipKnownDays + 1, MAX_REMEMBERED_KEYS);
		memory.save();
	}
	const spent = tallyRun(
		outcomes,
		config.providers.map((module) => module.provider),
	);
	if (spent.people > 0) {
		// The hit rates Estimate Cost goes by.
		const data = this.getWorkflowStaticData('node');
		data[HISTORY_FIELD] = addHistory(readHistory(data[HISTORY_FIELD]), spent) as unknown as IDataObject;
	}
	warnIfBudgetReached(this, outcomes);
	return outcomesToItems(this, items, outcomes, keepInput, problems);
}
