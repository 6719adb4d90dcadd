import { messageAt, urlField } from '../../transport';
import type { ProviderProfile } from '../../transport';

const shared = {
	baseUrl: (credentials: Record<string, unknown>) => urlField(credentials, 'baseUrl'),
	// Per location: 100 requests per 10 s (a credential is bound to one location).
	limits: { default: [{ limit: 100, windowMs: 10_000 }] },
	errorMessage: (body: unknown) => messageAt(body, 'message', 'error', 'msg'),
};

/** GoHighLevel's session backend (`token-id` header). */
export const goHighLevelSessionProfile: ProviderProfile = {
	...shared,
	name: 'GoHighLevel',
	credentialType: 'b2bGoHighLevelSessionApi',
};

/** HighLevel's public v2 API with a Private Integration Token. */
export const goHighLevelV2Profile: ProviderProfile = {
	...shared,
	name: 'GoHighLevel',
	credentialType: 'b2bGoHighLevelApi',
};
