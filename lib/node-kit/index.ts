export { PROVIDER_INFO, providerCredentials, providerOptions } from './providers';
export { customFieldsProperty, maxAttemptsOption, returnAllAndLimit } from './options';
export { assertNoProblems, eachItem, errorItem, paired, problemError, writeEachItem } from './items';
export { collectPages } from './paginate';
