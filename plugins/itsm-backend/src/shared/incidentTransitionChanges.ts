import { IncidentStatus } from '@backstage-itsm/plugin-itsm-common';
import { IncidentRow } from '../database/tables';

/**
 * The columns a lawful transition changes: timestamps MTTA and MTTR need,
 * resolution fields, and the alert dedup key, released once the incident is
 * no longer open so the next firing of the alert opens a new incident.
 */
export function incidentTransitionChanges(options: {
  row: IncidentRow;
  to: IncidentStatus;
  holdReason?: string;
  resolutionCode?: string;
  resolutionNotes?: string;
  now: number;
}): Partial<IncidentRow> {
  const { row, to, now } = options;
  const from = row.status as IncidentStatus;
  const changes: Partial<IncidentRow> = {
    status: to,
    hold_reason: to === 'on_hold' ? options.holdReason ?? null : null,
    updated_at: now,
  };
  if (from === 'new' && row.acknowledged_at === null) {
    changes.acknowledged_at = now;
  }
  if (to === 'resolved') {
    changes.resolved_at = now;
    changes.resolution_code = options.resolutionCode ?? null;
    changes.resolution_notes = options.resolutionNotes ?? null;
  }
  if (from === 'resolved' && to === 'in_progress') {
    changes.resolved_at = null;
    changes.resolution_code = null;
    changes.resolution_notes = null;
    changes.duplicate_of_id = null;
    changes.duplicate_of_number = null;
  }
  if (to === 'closed' || to === 'cancelled') {
    changes.closed_at = now;
  }
  if (to === 'resolved' || to === 'closed' || to === 'cancelled') {
    changes.open_dedup_key = null;
  }
  return changes;
}
