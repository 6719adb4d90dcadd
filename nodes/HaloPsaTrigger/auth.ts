import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { verifyHmac } from '../../lib/signatures';
import type { SignedRequest, VerifyResult } from '../../lib/signatures';
import { credentialCheckResult, sharedSecretVerifier } from '../../lib/webhooks';

export type HaloPsaAuthMethod = 'basic' | 'bearer' | 'apiKey' | 'hmac';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The check for one HaloPSA webhook credential, as HaloPSA authenticates its calls. */
export function haloPsaVerifier(credentials: ICredentialDataDecryptedObject): (request: SignedRequest, now: number) => VerifyResult {
	if (credentials.authMethod !== 'hmac') return sharedSecretVerifier(credentials);
	// HaloPSA's webhook HMAC (`x-halopsa-signature`) signs the body alone: no timestamp to bound a replay with.
	return (request, now) =>
		verifyHmac(
			{
				signatureHeader: text(credentials.signatureHeader) || 'x-halopsa-signature',
				algorithm: 'sha256',
				encoding: 'hex',
				toleranceSeconds: 0,
			},
			Buffer.from(text(credentials.secret), 'utf8'),
			request,
			now,
		);
}

function problemOf(data: ICredentialDataDecryptedObject): string | undefined {
	const missing = (fields: string[]) => fields.filter((field) => text(data[field]).trim() === '');
	const required: Record<HaloPsaAuthMethod, string[]> = {
		basic: ['username', 'password'],
		bearer: ['token'],
		apiKey: ['headerName', 'apiKey'],
		hmac: ['secret'],
	};
	const fields = required[data.authMethod as HaloPsaAuthMethod];
	if (fields === undefined) return 'Choose an authentication method.';
	const empty = missing(fields);
	return empty.length > 0 ? `Fill in: ${empty.join(', ')}.` : undefined;
}

export async function checkHaloPsaWebhookCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	return credentialCheckResult(problemOf(data), `The ${String(data.authMethod)} settings are complete.`);
}
