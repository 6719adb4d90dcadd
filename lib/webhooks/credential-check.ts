import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { credentialSecret } from './secret';

/**
 * What a webhook credential's "Test" can honestly say. The secret is only ever used by the sender,
 * so nothing can be asked to confirm it; the check tells the user whether it is complete and
 * usable, and that a test webhook is the real proof.
 */
export function credentialCheckResult(problem: string | undefined, summary: string): INodeCredentialTestResult {
	if (problem !== undefined) return { status: 'Error', message: problem };
	return {
		status: 'OK',
		message: `${summary} The sender cannot be asked to confirm it from n8n: send a test webhook to check it end to end.`,
	};
}

export async function checkWebhookSecret(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = credentialSecret(credential.data ?? {});
	const problem =
		secret === undefined
			? 'The signing secret does not decode in the chosen format.'
			: secret.length === 0
				? 'The signing secret is empty.'
				: undefined;
	return credentialCheckResult(problem, `The signing secret is set (${secret?.length ?? 0} bytes).`);
}
