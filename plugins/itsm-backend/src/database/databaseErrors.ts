/**
 * Classifies driver errors of PostgreSQL (`pg`) and SQLite (`better-sqlite3`)
 * so alert ingestion can retry races and answer 503 for outages.
 */

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

/** A unique index or primary key rejected a row: another request inserted the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** The database gave up on this transaction for a reason a retry can cure. */
export function isRetryableConflict(error: unknown): boolean {
  const code = codeOf(error);
  // deadlock_detected, serialization_failure
  return code === '40P01' || code === '40001' || isUniqueViolation(error);
}

const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/**
 * The database is unreachable, overloaded or restarting: worth a retry by the
 * sender later, never a reason to drop its alert.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = codeOf(error);
  if (TRANSIENT_NODE_CODES.has(code)) {
    return true;
  }
  // Classes 08 connection exception, 53 insufficient resources, 57 operator
  // intervention (shutdown, cancel), 58 system error.
  if (/^(08|53|57|58)[0-9A-Z]{3}$/.test(code)) {
    return true;
  }
  if (isRetryableConflict(error)) {
    return true;
  }
  return isLostConnection(error);
}

/**
 * The connection or the pool failed rather than the statement: the session
 * was dropped, the server is unreachable or no connection came free in time.
 */
function isLostConnection(error: unknown): boolean {
  // Duck-typed: driver errors may come from another realm than `Error`.
  const { name, message } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
  };
  return (
    name === 'KnexTimeoutError' ||
    (typeof message === 'string' &&
      /Connection terminated|ECONNREFUSED|Unable to acquire a connection|Client has encountered a connection error|database is locked|timeout exceeded when trying to connect|Connection ended unexpectedly|terminating connection/i.test(
        message,
      ))
  );
}

/** What a request that failed in the database should answer. */
export type DatabaseTrouble = 'unavailable' | 'conflict' | undefined;

/**
 * Sorts a failed query for the answer a client gets: 'unavailable' (503)
 * for outages, dropped sessions, pool timeouts, deadlocks and serialization
 * failures, which a retry can cure; 'conflict' (409) when another request
 * inserted the same key first; undefined for everything else.
 */
export function databaseTroubleOf(error: unknown): DatabaseTrouble {
  if (isUniqueViolation(error)) {
    return 'conflict';
  }
  return isTransientDatabaseError(error) ? 'unavailable' : undefined;
}
