export { PROVIDER_INFO, providerCredentials, providerOptions } from './providers';
export { customFieldsProperty, maxAttemptsOption, returnAllAndLimit } from './options';
export { assertNoProblems, eachItem, errorItem, paired, problemError, writeEachItem } from './items';
export { checkRecord, checkValue, firstProblem, MAX_LINE } from './checks';
export type { FieldRule } from './checks';
export { companyFields, companyFromItem, itemProblem, personFields, personFromItem } from './input';
export type { Found } from './input';
export { collectPages } from './paginate';
