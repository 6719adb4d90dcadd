export { PROVIDER_INFO, providerCredentials, providerOptions } from './providers';
export { additionalFieldsCollection, customFieldsCollection, maxAttemptsOption, optionsCollection, returnAllAndLimit } from './options';
export { assertNoProblems, eachItem, errorItem, paired, problemError, writeEachItem } from './items';
export { collectPages } from './paginate';
export { jsonObjectParameter } from './json-object';
export { openNodeMemory, readNodeMemory } from './memory';
export type { NodeMemory } from './memory';
export { operationProperties, routeOperation } from './operations';
export type { NodeOperation, NodeResource, OperationTable } from './operations';
