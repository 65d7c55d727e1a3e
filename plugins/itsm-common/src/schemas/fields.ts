import {
  ASSIGNEE_FILTERS,
  LIMITS,
  LIST_SORTS,
  MAX_PAGE_LIMIT,
} from '../constants';
import { MAX_RECORD_NUMBER } from '../numbers';
import { PRIORITIES } from '../types';
import { z } from 'zod';

/** Message for a missing field, or for one of the wrong type. */
export function requiredAs(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${expected}`;
}

/** Non-blank text of at most `max` characters, trimmed. */
export function text(max: number) {
  return z
    .string({ error: requiredAs('a string') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
}

/** Optional long text that may be cleared with null. */
export function clearableText(max: number) {
  return z
    .string({ error: 'must be a string or null' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .transform(value => (value === '' ? null : value));
}

/** One of a fixed set of strings, with the allowed values in the message. */
export function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values as unknown as [T[number], ...T[number][]], {
    error: requiredAs(`one of ${values.join(', ')}`),
  });
}

/** Impact or urgency: 1, 2 or 3. */
export const level = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: requiredAs('1, 2 or 3'),
});

/** A catalog entity ref as text; existence is checked against the catalog. */
export const entityRefText = text(LIMITS.entityRef);

/** The `version` an update was based on. */
export const version = z
  .number({
    error: issue =>
      issue.input === undefined
        ? 'is required; send the version you last read'
        : 'must be an integer',
  })
  .int('must be an integer')
  .positive('must be positive')
  .max(MAX_RECORD_NUMBER, `must be at most ${MAX_RECORD_NUMBER}`);

/** An ISO 8601 time. */
export const isoTime = z
  .string({ error: 'must be an ISO 8601 time' })
  .refine(value => !Number.isNaN(Date.parse(value)), {
    message: 'must be an ISO 8601 time',
  });

/**
 * What a client may put in a query parameter before it becomes text: the
 * item's input or its parsed value, as both read back the same.
 */
export type QueryParameter<T extends z.ZodTypeAny> = z.input<T> | z.output<T>;

/** A query parameter that may be repeated: `?status=a&status=b` or `a,b`. */
export function queryList<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess(
    (value: QueryParameter<T> | QueryParameter<T>[] | undefined) => {
      if (value === undefined) {
        return undefined;
      }
      const values = [value].flat().flatMap(v => String(v).split(','));
      return values.filter(v => v !== '');
    },
    z.array(item).max(50, 'must have at most 50 values').optional(),
  );
}

/**
 * A single query parameter given at most once, or left out; `Sent` is what a
 * client may pass for it.
 */
export function queryValue<T extends z.ZodTypeAny, Sent = QueryParameter<T>>(
  item: T,
) {
  return z
    .preprocess(
      (value: Sent | undefined) => (value === '' ? undefined : value),
      z
        .custom<unknown>(value => !Array.isArray(value), {
          message: 'must be given once',
        })
        .pipe(item.optional()),
    )
    .optional();
}

const trueOrFalse = z.enum(['true', 'false'], {
  error: () => 'must be true or false',
});

/** A `true` or `false` query parameter, which a client may send as a boolean. */
export const queryFlag = queryValue<
  typeof trueOrFalse,
  boolean | 'true' | 'false'
>(trueOrFalse);

/** `limit` and `cursor` of every list. */
export const pageQuery = {
  limit: queryValue(
    z.coerce
      .number<number>({ error: 'must be an integer' })
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT}`),
  ),
  cursor: queryValue(z.string().max(500, 'is malformed')),
  text: queryValue(
    text(LIMITS.search).refine(value => /[\p{L}\p{N}]/u.test(value), {
      message: 'must contain a letter or digit',
    }),
  ),
};

/** `sort`, `assignee`, `systemRef` and `groupRef` of the record lists. */
export const recordListQuery = {
  sort: queryValue(oneOf(LIST_SORTS)),
  assignee: queryValue(oneOf(ASSIGNEE_FILTERS)),
  systemRef: queryValue(text(LIMITS.entityRef)),
  groupRef: queryValue(text(LIMITS.entityRef)),
};

/**
 * Checks across the parameters of a record list: `assignee` and
 * `assigneeRef` exclude each other, and a relevance sort needs words.
 */
export function checkRecordListQuery(
  query: {
    assignee?: string;
    assigneeRef?: string;
    sort?: string;
    text?: string;
  },
  ctx: z.RefinementCtx,
): void {
  if (query.assignee !== undefined && query.assigneeRef !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['assignee'],
      message: 'give assignee or assigneeRef, not both',
    });
  }
  if (query.sort === 'relevance' && query.text === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['sort'],
      message: 'relevance needs text',
    });
  }
}

/** A `priority` filter: repeated values of 1 to 5. */
export const priorityList = queryList(
  z.coerce
    .number<number>()
    .refine(p => (PRIORITIES as readonly number[]).includes(p), {
      message: 'must be 1, 2, 3, 4 or 5',
    }),
);
