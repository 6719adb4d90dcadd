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

let profileSerial = 0;

/** A fresh profile each time: limiters are per credential type, so tests never share one. */
export function testProfile(overrides: Partial<ProviderProfile> = {}): ProviderProfile {
	profileSerial++;
	return {
		name: 'TestProvider',
		credentialType: 'testKeyApi',
		baseUrl: (credentials) => String(credentials.baseUrl),
		limits: { default: [{ limit: 1000, windowMs: 1000 }] },
		errorMessage: (body) => (body as { message?: string } | undefined)?.message,
		...overrides,
		// Distinct limiter key per test through a distinct credential id below.
	} as ProviderProfile & { serial?: number };
}

export const FAST_RETRY: Partial<RetryPolicy> = { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 4 };

export function setup(profile: ProviderProfile = testProfile(), retry: Partial<RetryPolicy> = FAST_RETRY) {
	const helper = new TestCredentialsHelper(new CredentialTypeRegistry([testKeyApi]));
	// Skip ids so every setup gets a credential id of its own, hence its own limiter.
	for (let i = 0; i < profileSerial; i++) helper.add('testKeyApi', {});
	const credential = helper.add('testKeyApi', { apiKey: API_KEY, baseUrl: BASE });
	const nodeType = probeNodeType(profile, retry);
	const credentials = { testKeyApi: credential };
	return {
		helper,
		profile,
		run: async (items: object[], continueOnFail = false) =>
			await runNode({ nodeType, helper, parameters: {}, credentials, input: items.map((json) => ({ json: json as never })), continueOnFail }),
		context: () => createExecuteContext({ nodeType, helper, parameters: {}, credentials }),
	};
}
