import type { ProviderModule } from '../contracts';
import { acceptsCompany, acceptsPerson, enrichCompanies, enrichPeople } from './enrich';
import { upLeadProfile } from './profile';
import { MAX_PER_PAGE, searchPeople } from './search';
import { getUsage } from './usage';

export const upLeadModule: ProviderModule = {
	provider: 'upLead',
	displayName: 'UpLead',
	credentialType: upLeadProfile.credentialType,
	peopleSearch: { provider: 'upLead', maxPageSize: MAX_PER_PAGE, searchPeople },
	personEnricher: { provider: 'upLead', batchSize: 1, accepts: acceptsPerson, enrichPeople },
	companyEnricher: { provider: 'upLead', batchSize: 1, accepts: acceptsCompany, enrichCompanies },
	usage: { provider: 'upLead', getUsage },
};
