import { NewTimelineEvent } from '../database/timeline';

/**
 * Compares the requested values with the stored ones and returns the column
 * changes plus one timeline event per changed field.
 */
export function diffFields<TRow extends object>(options: {
  row: TRow;
  requested: Record<string, unknown>;
  columns: Record<string, keyof TRow>;
  event: Omit<NewTimelineEvent, 'kind' | 'field' | 'oldValue' | 'newValue'>;
}): { changes: Partial<TRow>; events: NewTimelineEvent[] } {
  const changes: Partial<TRow> = {};
  const events: NewTimelineEvent[] = [];
  for (const [field, column] of Object.entries(options.columns)) {
    const value = options.requested[field];
    if (value === undefined) {
      continue;
    }
    const stored = options.row[column];
    const normalisedStored =
      typeof value === 'boolean' ? Boolean(stored) : stored;
    if (normalisedStored === value) {
      continue;
    }
    (changes as Record<string, unknown>)[column as string] = value;
    events.push({
      ...options.event,
      kind: 'field_changed',
      field,
      oldValue: normalisedStored,
      newValue: value,
    });
  }
  return { changes, events };
}
