export { CredentialTypeRegistry } from './credential-types';
export { TestCredentialsHelper } from './credentials-helper';
export type { CredentialWrite, StoredCredential } from './credentials-helper';
export { PACKAGE_NAME, createExecuteContext, runNode } from './execute';
export type { ExecuteOptions } from './execute';
export { testCredential } from './credential-test';
export { probeNodeType } from './probe-node';
