import { messageAt, urlField } from '../../transport';
import type { ProviderProfile } from '../../transport';

export const zoomInfoProfile: ProviderProfile = {
	name: 'ZoomInfo',
	credentialType: 'b2bZoomInfoJwtApi',
	baseUrl: (credentials) => urlField(credentials, 'baseUrl'),
	limits: { default: [{ limit: 1500, windowMs: 60_000 }] },
	errorMessage: (body) => messageAt(body, 'error', 'message', 'errorMessage'),
};
