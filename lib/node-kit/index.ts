export { PROVIDER_INFO, providerCredentials, providerOptions } from './providers';
export { maxAttemptsOption, returnAllAndLimit } from './options';
export { assertNoProblems, eachItem, errorItem, paired, problemError } from './items';
export { companyFromItem, personFromItem } from './input';
export { collectPages } from './paginate';
