/** Names shared by every part of the sandbox: which provider an API prefix belongs to. */
import { PROVIDER_PREFIX } from './defaults';

/** One key of PROVIDER_PREFIX other than the control API: a URL prefix the sandbox serves. */
export type ApiName = Exclude<keyof typeof PROVIDER_PREFIX, 'control'>;

export const PROVIDERS = ['haloPsa', 'apollo', 'zoomInfo', 'hunter', 'upLead', 'goHighLevel', 'thrio'] as const;
/** A provider owns state, config, rate limits and faults; several APIs may belong to one provider. */
export type ProviderName = (typeof PROVIDERS)[number];

/** Providers that issue tokens (the others authenticate with static API keys). */
export const TOKEN_PROVIDERS = ['haloPsa', 'zoomInfo', 'goHighLevel', 'thrio'] as const;
export type TokenProvider = (typeof TOKEN_PROVIDERS)[number];

export const API_PROVIDER: Record<ApiName, ProviderName> = {
	haloPsa: 'haloPsa',
	haloPsaOnPremise: 'haloPsa',
	apollo: 'apollo',
	zoomInfo: 'zoomInfo',
	hunter: 'hunter',
	upLead: 'upLead',
	goHighLevelSession: 'goHighLevel',
	goHighLevelLogin: 'goHighLevel',
	goHighLevelV2: 'goHighLevel',
	thrioLogin: 'thrio',
	thrioCluster: 'thrio',
};

export function isProviderName(value: string): value is ProviderName {
	return (PROVIDERS as readonly string[]).includes(value);
}

export function isTokenProvider(value: string): value is TokenProvider {
	return (TOKEN_PROVIDERS as readonly string[]).includes(value);
}

/** Providers whose usage costs credits, as reported by the stats route. */
export type CreditProvider = 'apollo' | 'zoomInfo' | 'hunter' | 'upLead';
