export { PROVIDER_INFO, providerCredentials, providerOptions } from './providers';
export { customFieldsProperty, maxAttemptsOption, returnAllAndLimit } from './options';
export { assertNoProblems, eachItem, errorItem, paired, problemError } from './items';
export { companyFromItem, personFromItem } from './input';
export { collectPages } from './paginate';
