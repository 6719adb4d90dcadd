import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { normalizeEmail } from '../../../../lib/normalize';
import { errorItem, optionsCollection, paired, problemError } from '../../../../lib/node-kit';
import { checkValue } from '../../../../lib/normalize';
import type { EmailVerification } from '../../../../lib/sources/contracts';
import { PROVIDER_MODULES } from '../../../../lib/sources/registry';
import { asNodeError } from '../../../../lib/transport';

const show = { resource: ['email'], operation: ['verify'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		displayOptions: { show },
		default: '={{ $json.person?.email ?? $json.email }}',
		placeholder: 'ada@example.com',
		description: 'The address to verify',
	},
	optionsCollection(show),
];

/**
 * Hunter's verifier, once per distinct address in the execution. Hunter answers 202 while a
 * check is still running; the provider module polls until it has the result.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const verifier = PROVIDER_MODULES.hunter.emailVerifier!;
	const { maxAttempts } = this.getNodeParameter('options', 0, {}) as { maxAttempts?: number };
	const verified = new Map<string, Promise<EmailVerification>>();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const raw = this.getNodeParameter('email', itemIndex);
		const { problem } = checkValue('email', raw, 'email');
		const email = normalizeEmail(raw);
		try {
			if (problem) throw problemError(this, itemIndex, problem);
			if (email === undefined) throw problemError(this, itemIndex, { field: 'email', message: 'no email to verify' });
			let pending = verified.get(email);
			if (pending === undefined) {
				pending = verifier.verifyEmail(this, email, { itemIndex, maxAttempts });
				verified.set(email, pending);
			}
			const result = await pending;
			output.push(paired({ email: result.email, status: result.status, score: result.score, raw: result.raw as IDataObject }, itemIndex));
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			output.push(errorItem(this, items[itemIndex], itemIndex, asNodeError(this.getNode(), error, itemIndex).message));
		}
	}
	return output;
}
