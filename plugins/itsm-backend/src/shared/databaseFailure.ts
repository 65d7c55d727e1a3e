import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import { databaseTroubleOf } from '../database/databaseErrors';

/**
 * The error a client gets for a query that failed for a reason of the
 * database rather than of the request, or undefined for any other error.
 * The driver's own message stays in the log: it quotes SQL.
 */
export function clientErrorOfDatabaseFailure(
  error: unknown,
): Error | undefined {
  switch (databaseTroubleOf(error)) {
    case 'unavailable':
      return new ServiceUnavailableError(
        'The database is unavailable or busy; try again later',
      );
    case 'conflict':
      return new ConflictError(
        'Another request stored the same record at the same time; reload and try again',
      );
    default:
      return undefined;
  }
}
