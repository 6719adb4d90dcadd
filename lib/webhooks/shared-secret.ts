import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeProperties,
} from 'n8n-workflow';

import { unauthorized, verifyBasic, verifyBearer, verifyHeaderSecret } from '../signatures';
import type { SignedRequest, VerifyResult } from '../signatures';
import { credentialCheckResult } from './credential-check';
import { ALWAYS_PASSED_HEADERS } from './request';

/**
 * A credential for a sender that signs nothing and sends a secret as it is (a HighLevel workflow's
 * Custom Webhook): Basic (`username`, `password`), Bearer (`token`) or a header of its own
 * (`headerName`, `apiKey`), chosen by `authMethod`.
 */
type SharedSecretMethod = 'basic' | 'bearer' | 'apiKey';

const METHOD_NAMES: Record<SharedSecretMethod, string> = { basic: 'Basic', bearer: 'Bearer', apiKey: 'API key header' };

const REQUIRED: Record<SharedSecretMethod, { fields: string[]; secret: string }> = {
	basic: { fields: ['username', 'password'], secret: 'password' },
	bearer: { fields: ['token'], secret: 'token' },
	apiKey: { fields: ['headerName', 'apiKey'], secret: 'apiKey' },
};

/** The fields as the credential shows them, for problems the user reads there. */
const LABELS: Record<SecretField, string> = {
	username: 'Username',
	password: 'Password',
	token: 'Token',
	headerName: 'Header Name',
	apiKey: 'Header Value',
};

/**
 * The secret is all that stands between the webhook URL and the workflow, and nothing limits how
 * often it may be guessed: a short one can be found by trying.
 */
export const MIN_SHARED_SECRET_CHARS = 16;

/** RFC 9110's token characters: a name with others never arrives as a header. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const methodOf = (data: ICredentialDataDecryptedObject): SharedSecretMethod | undefined =>
	Object.prototype.hasOwnProperty.call(REQUIRED, text(data.authMethod)) ? (data.authMethod as SharedSecretMethod) : undefined;

/** Why the credential cannot authenticate calls, or undefined when it can. Names fields, never values. */
export function sharedSecretProblem(data: ICredentialDataDecryptedObject): string | undefined {
	const method = methodOf(data);
	if (method === undefined) return 'Choose how the secret is sent.';
	const { fields, secret } = REQUIRED[method];
	const empty = fields.filter((field) => text(data[field]).trim() === '');
	if (empty.length > 0) return `Fill in: ${empty.map((field) => LABELS[field as SecretField]).join(', ')}.`;
	if (text(data[secret]).length < MIN_SHARED_SECRET_CHARS)
		return `The ${LABELS[secret as SecretField]} must be at least ${MIN_SHARED_SECRET_CHARS} characters long.`;
	// Basic Auth sends user:password and is read up to the first colon: such a username never matches.
	if (method === 'basic' && text(data.username).includes(':')) return 'The Username cannot contain a colon.';
	return method === 'apiKey' ? headerNameProblem(text(data.headerName).trim()) : undefined;
}

function headerNameProblem(header: string): string | undefined {
	if (!HEADER_NAME.test(header)) return 'The Header Name is not a valid HTTP header name.';
	// These are handed to the workflow: a secret in one of them would end up in the execution's data.
	if (ALWAYS_PASSED_HEADERS.includes(header.toLowerCase()))
		return `The secret cannot travel in ${header}: the workflow receives that header.`;
	return undefined;
}

type SecretField = 'username' | 'password' | 'token' | 'headerName' | 'apiKey';

/**
 * The credential fields of the three ways (`authMethod` values `basic`, `bearer`, `apiKey`), each
 * shown for its own way, with the sender's wording for each where given.
 */
export function sharedSecretFields(descriptions: Partial<Record<SecretField, string>> = {}): INodeProperties[] {
	const field = (name: SecretField, method: SharedSecretMethod, secret: boolean, fallback = ''): INodeProperties => ({
		displayName: LABELS[name],
		name,
		type: 'string',
		...(secret ? { typeOptions: { password: true } } : {}),
		default: fallback,
		displayOptions: { show: { authMethod: [method] } },
		...(descriptions[name] ? { description: descriptions[name] } : {}),
	});
	return [
		field('username', 'basic', false),
		field('password', 'basic', true),
		field('token', 'bearer', true),
		field('headerName', 'apiKey', false, 'x-api-key'),
		field('apiKey', 'apiKey', true),
	];
}

/** The check for calls made with the credential's secret; every comparison is constant-time (see secret-auth). */
export function sharedSecretVerifier(data: ICredentialDataDecryptedObject): (request: SignedRequest) => VerifyResult {
	switch (methodOf(data)) {
		case 'basic':
			return (request) => verifyBasic(request, text(data.username), text(data.password));
		case 'bearer':
			return (request) => verifyBearer(request, text(data.token));
		case 'apiKey':
			return (request) => verifyHeaderSecret(request, text(data.headerName), text(data.apiKey));
		default:
			return () => unauthorized('the credential has no authentication method');
	}
}

export async function checkSharedSecretCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	return credentialCheckResult(
		sharedSecretProblem(data),
		`The ${METHOD_NAMES[data.authMethod as SharedSecretMethod]} settings are complete.`,
	);
}
