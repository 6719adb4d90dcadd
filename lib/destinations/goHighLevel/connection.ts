import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ProviderProfile, TransportContext } from '../../transport';
import { goHighLevelSessionProfile, goHighLevelV2Profile } from './profile';

/** The two ways into a location: both reach the same routes (contacts and what hangs off them, opportunities, calendars, workflows). */
export type GhlAuthentication = 'privateIntegrationToken' | 'sessionToken';

export const GHL_PROFILES: Record<GhlAuthentication, ProviderProfile> = {
	privateIntegrationToken: goHighLevelV2Profile,
	sessionToken: goHighLevelSessionProfile,
};

/** One location reached through one credential: what every HighLevel call needs. */
export interface GhlConnection {
	profile: ProviderProfile;
	/** HighLevel names the location in upsert and search bodies and in some paths. */
	locationId: string;
}

export async function connect(ctx: TransportContext, authentication: GhlAuthentication): Promise<GhlConnection> {
	const profile = GHL_PROFILES[authentication] ?? goHighLevelV2Profile;
	const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(profile.credentialType);
	const locationId = typeof credentials.locationId === 'string' ? credentials.locationId.trim() : '';
	if (locationId === '') {
		throw new NodeOperationError(ctx.getNode(), 'GoHighLevel: the credential has no Location ID', {
			description: 'Open the credential and set Location ID (HighLevel: Settings > Business Profile).',
		});
	}
	return { profile, locationId };
}
