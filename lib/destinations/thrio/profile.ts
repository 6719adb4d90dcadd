import { messageAt } from '../../transport';
import type { ProviderProfile } from '../../transport';

export const thrioProfile: ProviderProfile = {
	name: 'Thrio',
	credentialType: 'b2bThrioApi',
	// The login answers with the tenant's API host; the credential points each request there.
	baseUrl: () => undefined,
	// Thrio publishes no limit; this is a conservative pace, not a documented figure.
	limits: { default: [{ limit: 20, windowMs: 1000 }] },
	errorMessage: (body) => messageAt(body, 'message', 'error', 'errorMessage'),
};
