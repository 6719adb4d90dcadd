import type { ProviderModule } from '../contracts';
import { acceptsCompany, acceptsPerson, enrichCompanies, enrichPeople, maxLookupCredits } from './enrich';
import { upLeadProfile } from './profile';
import { MAX_PER_PAGE, searchPeople } from './search';
import { getUsage } from './usage';

export const upLeadModule: ProviderModule = {
	provider: 'upLead',
	displayName: 'UpLead',
	credentialType: upLeadProfile.credentialType,
	peopleSearch: { provider: 'upLead', maxPageSize: MAX_PER_PAGE, searchPeople },
	personEnricher: { provider: 'upLead', batchSize: 1, accepts: acceptsPerson, maxCredits: maxLookupCredits, enrichPeople },
	companyEnricher: { provider: 'upLead', batchSize: 1, accepts: acceptsCompany, maxCredits: maxLookupCredits, enrichCompanies },
	usage: { provider: 'upLead', getUsage },
};
