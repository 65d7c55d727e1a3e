import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { findNul } from './nulCharacters';

/** Validates a request body; see {@link parseInput}. */
export function parseBody<T extends z.ZodTypeAny>(
  schema: T,
  body: unknown,
): z.infer<T> {
  return parseInput(schema, { value: body, where: 'body' });
}

/** Validates a request's query parameters; see {@link parseInput}. */
export function parseQuery<T extends z.ZodTypeAny>(
  schema: T,
  query: unknown,
): z.infer<T> {
  return parseInput(schema, { value: query, where: 'query' });
}

/** Validates the input of an action; see {@link parseInput}. */
export function parseActionInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
): z.infer<T> {
  return parseInput(schema, { value: input, where: 'input' });
}

/**
 * Validates request input, turning the first problems into one 400 message
 * that names each field and the reason, e.g. `impact: must be 1, 2 or 3`.
 * NUL characters are refused here, for every field, as no column stores them.
 */
function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  options: { value: unknown; where: 'body' | 'query' | 'input' },
): z.infer<T> {
  const { where } = options;
  const nulAt = findNul(options.value);
  if (nulAt) {
    const field = nulAt.length > 0 ? nulAt.join('.') : where;
    throw new InputError(
      `Invalid ${where}: ${field}: must not contain NUL characters`,
    );
  }
  const result = schema.safeParse(options.value ?? {});
  if (result.success) {
    return result.data;
  }
  const messages = result.error.issues.slice(0, 5).map(issue => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : `${where}: ${issue.message}`;
  });
  throw new InputError(`Invalid ${where}: ${messages.join('; ')}`);
}
