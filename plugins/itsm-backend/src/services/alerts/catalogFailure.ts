import { ResponseError } from '@backstage/errors';

/** Statuses a later attempt can get past: timeouts and rate limits. */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 425, 429]);

/**
 * Whether a catalog read failed for good: the catalog refused the request
 * (a 4xx such as 400 for a value it cannot parse or 431 for one too long) or
 * the value broke the read itself. Retrying such an alert fails the same way,
 * so it is routed as one that matches no entity. Network failures and 5xx
 * answers are transient. Native fetch reports a network failure as a
 * TypeError with a cause, so only a TypeError without one is a bad value.
 */
export function isPermanentCatalogFailure(error: unknown): boolean {
  if (ResponseError.is(error)) {
    const status = error.response.status;
    return (
      status >= 400 && status < 500 && !RETRYABLE_CLIENT_STATUSES.has(status)
    );
  }
  return (
    (error instanceof TypeError || error instanceof RangeError) &&
    error.cause === undefined
  );
}
