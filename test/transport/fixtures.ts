import type { ICredentialType } from 'n8n-workflow';

import { CredentialTypeRegistry, TestCredentialsHelper, createExecuteContext, probeNodeType, runNode } from '../harness';
import type { ProviderProfile, RetryPolicy } from '../../lib/transport';

export const API_KEY = 'sk_live_transport_secret_0123456789';
export const BASE = 'http://provider.test';

/** A minimal API-key credential, so transport tests depend on no real provider's credential. */
const testKeyApi: ICredentialType = {
	name: 'testKeyApi',
	displayName: 'Test Key API',
	properties: [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: BASE },
	],
	authenticate: { type: 'generic', properties: { headers: { 'x-api-key': '={{$credentials.apiKey}}' } } },
};

export function testProfile(overrides: Partial<ProviderProfile> = {}): ProviderProfile {
	return {
		name: 'TestProvider',
		credentialType: 'testKeyApi',
		baseUrl: (credentials) => String(credentials.baseUrl),
		limits: { default: [{ limit: 1000, windowMs: 1000 }] },
		errorMessage: (body) => (body as { message?: string } | undefined)?.message,
		...overrides,
	};
}

export const FAST_RETRY: Partial<RetryPolicy> = { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 4 };

export function setup(profile: ProviderProfile = testProfile(), retry: Partial<RetryPolicy> = FAST_RETRY) {
	const helper = new TestCredentialsHelper(new CredentialTypeRegistry([testKeyApi]));
	// Each setup's credential has an id of its own, hence a rate limiter of its own.
	const credential = helper.add('testKeyApi', { apiKey: API_KEY, baseUrl: BASE });
	const nodeType = probeNodeType(profile, retry);
	const credentials = { testKeyApi: credential };
	return {
		helper,
		profile,
		run: async (items: object[], continueOnFail = false) =>
			await runNode({
				nodeType,
				helper,
				parameters: {},
				credentials,
				input: items.map((json) => ({ json: json as never })),
				continueOnFail,
			}),
		context: () => createExecuteContext({ nodeType, helper, parameters: {}, credentials }),
	};
}
