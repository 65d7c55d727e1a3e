import {
  DEFAULT_ANALYSIS_WINDOW_DAYS,
  MAX_ANALYSIS_WINDOW_DAYS,
} from '../analysis';
import { LIMITS } from '../constants';
import { z } from 'zod';
import { queryValue, text } from './fields';

const DAY_MS = 24 * 60 * 60 * 1000;
const TIME_MESSAGE = 'must be epoch milliseconds or an ISO 8601 time';
/** The last millisecond a JavaScript date holds (+275760-09-13). */
const LAST_DATE_MS = 8.64e15;

/** A time given as epoch milliseconds or ISO 8601, parsed to epoch ms. */
const epochOrIso = z.string({ error: TIME_MESSAGE }).transform((value, ctx) => {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isSafeInteger(ms) || ms < 0) {
    ctx.addIssue({ code: 'custom', message: TIME_MESSAGE });
    return z.NEVER;
  }
  if (ms > LAST_DATE_MS) {
    ctx.addIssue({
      code: 'custom',
      message: `must be at most ${LAST_DATE_MS} (+275760-09-13T00:00:00.000Z)`,
    });
    return z.NEVER;
  }
  return ms;
});

/**
 * Query of `GET /analysis`.
 *
 * @public
 */
export const analysisQuery = z
  .object({
    entityRef: queryValue(text(LIMITS.entityRef)),
    ownerRef: queryValue(text(LIMITS.entityRef)),
    systemRef: queryValue(text(LIMITS.entityRef)),
    /** Start of the window, epoch ms or ISO 8601; defaults to 90 days before `to`. */
    from: queryValue(epochOrIso),
    /** End of the window (exclusive), epoch ms or ISO 8601; defaults to now. */
    to: queryValue(epochOrIso),
  })
  .strict();

/**
 * Scope and window of an analysis; at most one of the refs, none for the whole organisation.
 *
 * @public
 */
export type AnalysisQuery = z.input<typeof analysisQuery>;

/**
 * The window `[from, to)` of an analysis, with defaults; a 400 names the bad field.
 *
 * @public
 */
export function analysisWindow(
  query: { from?: number; to?: number },
  now: number,
): { from: number; to: number } | { field: 'from' | 'to'; reason: string } {
  const to = query.to ?? now;
  const from = query.from ?? to - DEFAULT_ANALYSIS_WINDOW_DAYS * DAY_MS;
  if (from >= to) {
    return { field: 'from', reason: 'must be before to' };
  }
  if (to - from > MAX_ANALYSIS_WINDOW_DAYS * DAY_MS) {
    return {
      field: 'from',
      reason: `must be at most ${MAX_ANALYSIS_WINDOW_DAYS} days before to`,
    };
  }
  return { from, to };
}
