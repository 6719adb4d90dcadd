import type { ProviderModule } from '../contracts';
import { hunterDomainSearcher } from './domain-search';
import { hunterPersonEnricher } from './email-finder';
import { hunterProfile } from './profile';
import { hunterUsage } from './usage';
import { hunterVerifier } from './verifier';

export type { HunterVerification } from './verifier';

export const hunterModule: ProviderModule = {
	provider: 'hunter',
	displayName: 'Hunter',
	credentialType: hunterProfile.credentialType,
	personEnricher: hunterPersonEnricher,
	emailVerifier: hunterVerifier,
	domainSearcher: hunterDomainSearcher,
	usage: hunterUsage,
};
