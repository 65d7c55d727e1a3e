import { ConflictError } from '@backstage/errors';

/** The 409 for an edit based on an outdated version of a record. */
export function staleVersionError(options: {
  record: string;
  sent: number;
  current: number | string;
}): ConflictError {
  return new ConflictError(
    `version ${options.sent} is stale; the ${options.record} is at version ${options.current}. Reload it and apply your change again`,
  );
}

/** Throws {@link staleVersionError} unless the caller read the current version. */
export function assertCurrentVersion(options: {
  record: string;
  sent: number;
  current: number | string;
}): void {
  if (Number(options.current) !== options.sent) {
    throw staleVersionError(options);
  }
}
