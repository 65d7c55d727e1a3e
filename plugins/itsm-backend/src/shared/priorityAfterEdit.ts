import {
  Impact,
  Priority,
  PriorityMatrix,
  Urgency,
  derivePriority,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * The priority a record has after an edit of its impact or urgency, or
 * undefined when the edit touches neither.
 */
export function priorityAfterEdit(options: {
  input: { impact?: Impact; urgency?: Urgency };
  row: { impact: number; urgency: number };
  matrix: PriorityMatrix;
}): Priority | undefined {
  const { input, row, matrix } = options;
  if (input.impact === undefined && input.urgency === undefined) {
    return undefined;
  }
  return derivePriority({
    impact: input.impact ?? (Number(row.impact) as Impact),
    urgency: input.urgency ?? (Number(row.urgency) as Urgency),
    matrix,
  });
}
