import { messageAt, urlField } from '../../transport';
import type { ProviderProfile } from '../../transport';

export const apolloProfile: ProviderProfile = {
	name: 'Apollo',
	credentialType: 'b2bApolloApi',
	baseUrl: (credentials) => urlField(credentials, 'baseUrl'),
	// Paid-plan figures. Daily caps are not paced: a run that reaches one must stop, not wait a day.
	limits: {
		default: [
			{ limit: 200, windowMs: 60_000 },
			{ limit: 6000, windowMs: 3_600_000 },
		],
		// Apollo grants bulk endpoints a tenth of the single-record rate.
		bulk: [
			{ limit: 20, windowMs: 60_000 },
			{ limit: 600, windowMs: 3_600_000 },
		],
	},
	classify: (status, body) =>
		(status === 402 || status === 422) && /credit/i.test(messageAt(body, 'error', 'message') ?? '') ? 'quotaExhausted' : undefined,
	errorMessage: (body) => messageAt(body, 'error', 'message', 'error_code'),
};
