import { messageAt, urlField } from '../../transport';
import type { ProviderProfile } from '../../transport';

export const haloPsaProfile: ProviderProfile = {
	name: 'HaloPSA',
	credentialType: 'b2bHaloPsaOAuth2Api',
	baseUrl: (credentials) => `${urlField(credentials, 'baseUrl')}/api`,
	// Seen in the field: about 450 requests per 5 minutes per application.
	limits: { default: [{ limit: 450, windowMs: 300_000 }] },
	errorMessage: (body) => messageAt(body, 'message', 'error_description', 'error', 'ClassName'),
};
