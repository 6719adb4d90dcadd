export { providerJson, providerRequest } from './request';
export { ProviderApiError, asNodeError, isProviderApiError } from './provider-error';
export type { ProviderErrorKind } from './provider-error';
export { collectSecrets, maskDeep, maskSecrets } from './secrets';
export { parseRetryAfter, readRateLimitSignal } from './rate-limit-headers';
export { RateLimiter, limiterFor } from './rate-limiter';
export { DEFAULT_RETRY_POLICY, backoffDelay } from './retry-policy';
export type * from './types';
export { messageAt, urlField } from './message-at';
