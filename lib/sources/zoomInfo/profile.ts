import { messageAt, urlField } from '../../transport';
import type { ProviderProfile } from '../../transport';

export const zoomInfoProfile: ProviderProfile = {
	name: 'ZoomInfo',
	credentialType: 'b2bZoomInfoJwtApi',
	baseUrl: (credentials) => urlField(credentials, 'baseUrl'),
	limits: { default: [{ limit: 1500, windowMs: 60_000 }] },
	// A used-up request limit answers 403, which would otherwise read as a refused credential.
	classify: (status, body) => (status === 403 && /limit/i.test(messageAt(body, 'message', 'error') ?? '') ? 'quotaExhausted' : undefined),
	errorMessage: (body) => messageAt(body, 'message', 'errorMessage', 'error'),
};
