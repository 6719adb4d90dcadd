import { messageAt, urlField } from '../../transport';
import type { ProviderProfile } from '../../transport';

export const upLeadProfile: ProviderProfile = {
	name: 'UpLead',
	credentialType: 'b2bUpLeadApi',
	baseUrl: (credentials) => urlField(credentials, 'baseUrl'),
	limits: { default: [{ limit: 500, windowMs: 60_000 }] },
	classify: (status, body) =>
		status === 402 || ((status === 403 || status === 422) && /credit/i.test(messageAt(body, 'message', 'error') ?? ''))
			? 'quotaExhausted'
			: undefined,
	errorMessage: (body) => messageAt(body, 'message', 'error', 'errors.0'),
};
