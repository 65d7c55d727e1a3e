import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Validates request input, turning the first problems into one 400 message
 * that names each field and the reason, e.g. `impact: must be 1, 2 or 3`.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  where: 'body' | 'query',
): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) {
    return result.data;
  }
  const messages = result.error.issues.slice(0, 5).map(issue => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : `${where}: ${issue.message}`;
  });
  throw new InputError(`Invalid ${where}: ${messages.join('; ')}`);
}
