import type { ProviderModule } from '../contracts';
import { apolloCompanySearch } from './company-search';
import { apolloCompanyEnricher, apolloPersonEnricher } from './enrich';
import { apolloPeopleSearch } from './people-search';
import { apolloProfile } from './profile';
import { apolloUsage } from './usage';

export type { ApolloLookupOptions } from './enrich';

export const apolloModule: ProviderModule = {
	provider: 'apollo',
	displayName: 'Apollo',
	credentialType: apolloProfile.credentialType,
	peopleSearch: apolloPeopleSearch,
	companySearch: apolloCompanySearch,
	personEnricher: apolloPersonEnricher,
	companyEnricher: apolloCompanyEnricher,
	usage: apolloUsage,
};
