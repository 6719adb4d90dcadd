import { messageAt, urlField } from '../../transport';
import type { ProviderProfile } from '../../transport';

export const hunterProfile: ProviderProfile = {
	name: 'Hunter',
	credentialType: 'b2bHunterApi',
	baseUrl: (credentials) => urlField(credentials, 'baseUrl'),
	limits: {
		default: [
			{ limit: 15, windowMs: 1000 },
			{ limit: 500, windowMs: 60_000 },
		],
		verifier: [
			{ limit: 10, windowMs: 1000 },
			{ limit: 300, windowMs: 60_000 },
		],
	},
	// Hunter inverts the usual codes: 403 means "slow down", 429 means the plan's quota is spent.
	classify: (status) => (status === 403 ? 'rateLimited' : status === 429 ? 'quotaExhausted' : undefined),
	errorMessage: (body) => messageAt(body, 'errors.0.details', 'errors.0.id', 'message'),
};
