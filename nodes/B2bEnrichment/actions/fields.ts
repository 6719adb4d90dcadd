import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { InputProblem, PersonInput } from '../../../lib/normalize';
import type { ProviderName } from '../../../lib/normalize';
import { providerOptions } from '../../../lib/node-kit';
import { firstProblem, itemProblem, personFromItem } from '../../../lib/normalize';
import type { FieldRule } from '../../../lib/normalize';
import type { LostPaidAnswers } from '../../../lib/transport';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/**
 * The ordered provider list of an operation. Every operation's list is named `providers`, so the
 * node's credential entries (shown per provider in it) serve all of them.
 */
export function providersField(show: Show, providers: ProviderName[], defaults: ProviderName[], description: string): INodeProperties {
	return {
		displayName: 'Providers',
		name: 'providers',
		type: 'multiOptions',
		required: true,
		displayOptions: { show },
		options: providerOptions(providers),
		default: [...defaults],
		description,
	};
}

export const WATERFALL_HINT =
	'Asked in the order selected; each item goes to the next provider only while a wanted field is still missing. Pick one for a ' +
	'single-provider lookup.';

/**
 * Not sending again is the default: Apollo has no idempotency key, so a lookup sent again after its
 * answer was lost is paid for twice (measured: 30 people cost 40 credits after one lost batch
 * answer), while an item left with the error is asked again by the next run.
 */
export const lostPaidAnswersOption: INodeProperties = {
	displayName: 'Lost Paid Answers',
	name: 'lostPaidAnswers',
	type: 'options',
	options: [
		{
			name: 'Do Not Send Again',
			value: 'doNotSendAgain',
			description:
				'Its items get the error "answer lost, not re-sent to avoid paying twice" naming the provider; the next providers are still ' +
				'asked, and a later run asks again',
		},
		{
			name: 'Send Again (May Pay Twice)',
			value: 'sendAgain',
			description: 'Send the lookup again to get its answer; the provider may charge for it again (Apollo does)',
		},
	],
	default: 'doNotSendAgain',
	description:
		'What to do with a paid lookup whose answer was lost on the way back (the connection dropped or timed out after it was sent): the ' +
		'provider may have carried it out and charged for it. Either way what it may have cost is counted in creditsSpent.',
};

/** The option as chosen, or its default: an options collection leaves out what the user did not set. */
export function lostPaidAnswersOf(options: { lostPaidAnswers?: LostPaidAnswers }): LostPaidAnswers {
	return options.lostPaidAnswers ?? (lostPaidAnswersOption.default as LostPaidAnswers);
}

export function personInputFields(show: Show): INodeProperties[] {
	const define = { show: { ...show, inputMode: ['define'] } };
	const field = (displayName: string, name: string, placeholder: string, description: string): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		displayOptions: define,
		default: '',
		placeholder,
		description,
	});
	return [
		{
			displayName: 'Input',
			name: 'inputMode',
			type: 'options',
			displayOptions: { show },
			options: [
				{
					name: 'Auto-Detect From Item',
					value: 'auto',
					description:
						'Read person (and company) fields from each item: this package\'s "person" and "company", or flat fields such as email, ' +
						'first_name, last_name, domain, website',
				},
				{ name: 'Define Below', value: 'define', description: 'Map each field with an expression' },
			],
			default: 'auto',
		},
		field('Email', 'email', 'ada@example.com', "The person's email, if known"),
		field('First Name', 'firstName', 'Ada', ''),
		field('Last Name', 'lastName', 'Lovelace', ''),
		field(
			'Company Domain',
			'domain',
			'example.com',
			"The employer's domain or website; a name needs it (or the company name) to identify a person",
		),
		field('Company Name', 'companyName', 'Example Ltd', ''),
		field('LinkedIn URL', 'linkedinUrl', 'https://www.linkedin.com/in/ada', ''),
	];
}

/**
 * The person an item describes, and the first of its fields that cannot be looked up as it is
 * (named as the item or the parameter names it): such a lookup would be paid for and find nothing.
 */
export function personInput(ctx: IExecuteFunctions, json: IDataObject, itemIndex: number): { input: PersonInput; problem?: InputProblem } {
	if (ctx.getNodeParameter('inputMode', itemIndex) === 'auto') {
		return {
			input: personFromItem(json),
			problem: itemProblem(json, { person: ['email', 'firstName', 'lastName', 'fullName', 'domain', 'companyName', 'linkedinUrl'] }),
		};
	}
	const read = (name: string) => ctx.getNodeParameter(name, itemIndex, '');
	const input = {
		email: read('email'),
		firstName: read('firstName'),
		lastName: read('lastName'),
		domain: read('domain'),
		companyName: read('companyName'),
		linkedinUrl: read('linkedinUrl'),
	};
	const rules: Record<keyof typeof input, FieldRule> = {
		email: 'email',
		firstName: 'line',
		lastName: 'line',
		domain: 'website',
		companyName: 'line',
		linkedinUrl: 'line',
	};
	return { input, problem: firstProblem(Object.entries(rules).map(([name, rule]) => [name, input[name as keyof typeof input], rule])) };
}
