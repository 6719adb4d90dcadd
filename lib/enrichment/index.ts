export { enrichPeople } from './enrich-people';
export type { PersonEnrichmentConfig } from './enrich-people';
export { COMPANY_WANTED_FIELDS, enrichCompanies } from './enrich-companies';
export type { CompanyEnrichmentConfig, CompanyWantedField } from './enrich-companies';
export { WANTED_FIELDS } from './wanted';
export type { StopRules, WantedField } from './wanted';
export type { CatchAllPolicy } from './merge';
export { parseCompany, parsePerson, personKey, companyKey } from './lookups';
export type { EnrichedRecord, EnrichmentReport, ItemOutcome } from './result';
