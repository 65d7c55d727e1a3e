import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ConflictError,
  ErrorResponseBody,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
  ServiceUnavailableError,
  isError,
  serializeError,
  toError,
} from '@backstage/errors';
import { randomBytes } from 'crypto';
import { ErrorRequestHandler } from 'express';
import { clientErrorOfDatabaseFailure } from '../shared/databaseFailure';

const STATUS_BY_ERROR_NAME: Record<string, number> = {
  [NotModifiedError.name]: 304,
  [InputError.name]: 400,
  [AuthenticationError.name]: 401,
  [NotAllowedError.name]: 403,
  [NotFoundError.name]: 404,
  [ConflictError.name]: 409,
  [NotImplementedError.name]: 501,
  [ServiceUnavailableError.name]: 503,
};

/** The status an error carries (body parsers set one), else the one its name stands for. */
function statusCodeOf(error: Error): number {
  for (const field of ['statusCode', 'status']) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (
      Number.isInteger(value) &&
      Number(value) >= 100 &&
      Number(value) <= 599
    ) {
      return Number(value);
    }
  }
  return STATUS_BY_ERROR_NAME[error.name] ?? 500;
}

/**
 * The error a client may see. Database outages and races become 503 and
 * 409; anything thrown that is not an error, and the database driver's other
 * errors (they quote SQL and schema), become a reference to the log line that
 * keeps the original.
 */
function clientSafeError(raw: unknown, logger: LoggerService): Error {
  const databaseFailure = clientErrorOfDatabaseFailure(raw);
  if (databaseFailure) {
    logger.warn(
      `Request failed in the database: ${databaseFailure.message}`,
      toError(raw),
    );
    return databaseFailure;
  }
  if (isError(raw) && raw.constructor.name !== 'DatabaseError') {
    return raw;
  }
  const logId = randomBytes(10).toString('hex');
  logger
    .child({ logId })
    .error(
      `Filtered internal error with logId=${logId} from response`,
      toError(raw),
    );
  const error = new Error(`An internal error occurred logId=${logId}`);
  delete error.stack;
  return error;
}

/**
 * Answers the plugin's errors with Backstage's error body, like the
 * platform's handler, but never with a stack trace: the platform shows them
 * when NODE_ENV is development, and clients of this API must not depend on
 * how the server is started.
 */
export function errorHandler(options: {
  logger: LoggerService;
}): ErrorRequestHandler {
  const logger = options.logger.child({ type: 'errorHandler' });
  return (raw, req, res, next) => {
    const error = clientSafeError(raw, logger);
    const statusCode = statusCodeOf(error);
    if (statusCode >= 500) {
      logger.error(`Request failed with status ${statusCode}`, error);
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    const body: ErrorResponseBody = {
      error: serializeError(error, { includeStack: false }),
      request: { method: req.method, url: req.url },
      response: { statusCode },
    };
    res.status(statusCode).json(body);
  };
}
