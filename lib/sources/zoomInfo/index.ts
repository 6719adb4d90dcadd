import type { ProviderModule } from '../contracts';
import {
	ENRICH_BATCH,
	companyMatchInput,
	enrichCompanies,
	enrichPeople,
	maxContactCredits,
	needsCompanyId,
	personMatchInput,
} from './enrich';
import { zoomInfoProfile } from './profile';
import { MAX_RPP, searchCompanies, searchPeople } from './search';
import { getUsage } from './usage';

export const zoomInfoModule: ProviderModule = {
	provider: 'zoomInfo',
	displayName: 'ZoomInfo',
	credentialType: zoomInfoProfile.credentialType,
	peopleSearch: { provider: 'zoomInfo', maxPageSize: MAX_RPP, searchPeople },
	companySearch: { provider: 'zoomInfo', maxPageSize: MAX_RPP, searchCompanies },
	personEnricher: {
		provider: 'zoomInfo',
		batchSize: ENRICH_BATCH,
		accepts: (lookup) => personMatchInput(lookup) !== undefined || needsCompanyId(lookup),
		maxCredits: maxContactCredits,
		enrichPeople,
	},
	companyEnricher: {
		provider: 'zoomInfo',
		batchSize: ENRICH_BATCH,
		accepts: (lookup) => companyMatchInput(lookup) !== undefined,
		// One record per company found.
		maxCredits: (lookups) => lookups.length,
		enrichCompanies,
	},
	usage: { provider: 'zoomInfo', getUsage },
};
