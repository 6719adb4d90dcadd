import type { INodeCredentialDescription, INodePropertyOptions } from 'n8n-workflow';

import type { ProviderName } from '../normalize';

export const PROVIDER_INFO: Record<ProviderName, { name: string; credential: string }> = {
	apollo: { name: 'Apollo', credential: 'b2bApolloApi' },
	zoomInfo: { name: 'ZoomInfo', credential: 'b2bZoomInfoJwtApi' },
	hunter: { name: 'Hunter', credential: 'b2bHunterApi' },
	upLead: { name: 'UpLead', credential: 'b2bUpLeadApi' },
};

export function providerOptions(
	providers: ProviderName[],
	descriptions: Partial<Record<ProviderName, string>> = {},
): INodePropertyOptions[] {
	return providers.map((provider) => ({ name: PROVIDER_INFO[provider].name, value: provider, description: descriptions[provider] }));
}

/**
 * One credential entry per provider, shown while the node's provider parameter (a single choice
 * or an ordered list) names that provider. n8n checks a credential against the first entry of its
 * name only, so each provider appears once, keyed on one parameter.
 */
export function providerCredentials(
	parameter: string,
	providers: ProviderName[] = ['apollo', 'zoomInfo', 'hunter', 'upLead'],
): INodeCredentialDescription[] {
	return providers.map((provider) => ({
		name: PROVIDER_INFO[provider].credential,
		required: true,
		displayOptions: { show: { [parameter]: [provider] } },
	}));
}
