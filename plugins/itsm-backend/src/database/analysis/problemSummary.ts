import {
  AnalysisProblem,
  Priority,
  ProblemStatus,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { DbTime } from '../tables';
import { toIso } from '../time';

/** The columns of a problem as analysis sections list it. */
export const SUMMARY_COLUMNS = [
  'id',
  'number',
  'title',
  'status',
  'priority',
  'entity_ref',
  'known_error',
  'created_at',
];

/** A problem row with those columns. */
export interface SummaryRow {
  id: string;
  number: number;
  title: string;
  status: string;
  priority: number;
  entity_ref: string | null;
  known_error: boolean | number;
  created_at: DbTime;
}

/** A problem as analysis sections list it. */
export function toSummary(row: SummaryRow): AnalysisProblem {
  return {
    id: row.id,
    number: formatProblemNumber(row.number),
    title: row.title,
    status: row.status as ProblemStatus,
    priority: row.priority as Priority,
    entityRef: row.entity_ref,
    knownError: Boolean(row.known_error),
    createdAt: toIso(row.created_at),
  };
}
