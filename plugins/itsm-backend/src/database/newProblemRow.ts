import { ProblemRow } from './tables';

/** What a new problem is given when it is opened; the rest starts empty. */
export type NewProblemFields = Pick<
  ProblemRow,
  | 'id'
  | 'number'
  | 'title'
  | 'statement'
  | 'entity_ref'
  | 'owner_ref'
  | 'category'
  | 'impact'
  | 'urgency'
  | 'priority'
  | 'reporter_ref'
  | 'source'
  | 'created_at'
> &
  Partial<ProblemRow>;

/** A problem row in status `new`, version 1, with no analysis, fix or resolution yet. */
export function newProblemRow(fields: NewProblemFields): ProblemRow {
  return {
    status: 'new',
    assignee_ref: null,
    root_cause: null,
    rca_method: null,
    workaround: null,
    permanent_fix: null,
    known_error: false,
    known_error_at: null,
    symptoms: null,
    resolution_code: null,
    resolution_notes: null,
    duplicate_of: null,
    detection_key: null,
    detection_reason: null,
    updated_at: fields.created_at,
    resolved_at: null,
    closed_at: null,
    version: 1,
    ...fields,
  };
}
