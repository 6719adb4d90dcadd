import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { unauthorized, verifyBasic, verifyBearer, verifyHeaderSecret, verifyHmac } from '../../lib/signatures';
import type { SignedRequest, VerifyResult } from '../../lib/signatures';
import { credentialCheckResult } from '../../lib/webhooks';

export type HaloPsaAuthMethod = 'basic' | 'bearer' | 'apiKey' | 'hmac';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The check for one HaloPSA webhook credential, as HaloPSA authenticates its calls. */
export function haloPsaVerifier(credentials: ICredentialDataDecryptedObject): (request: SignedRequest, now: number) => VerifyResult {
	const method = credentials.authMethod as HaloPsaAuthMethod;
	return (request, now) => {
		switch (method) {
			case 'basic':
				return verifyBasic(request, text(credentials.username), text(credentials.password));
			case 'bearer':
				return verifyBearer(request, text(credentials.token));
			case 'apiKey':
				return verifyHeaderSecret(request, text(credentials.headerName), text(credentials.apiKey));
			case 'hmac':
				// HaloPSA's webhook HMAC (`x-halopsa-signature`) signs the body alone: no timestamp to bound a replay with.
				return verifyHmac(
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
			default:
				return unauthorized('the HaloPSA webhook credential has no authentication method');
		}
	};
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
