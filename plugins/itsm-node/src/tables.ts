// Rows of the ITSM database, public so that seeders write rows that type-check against the schema.

/**
 * Times are epoch milliseconds; PostgreSQL returns bigint columns as strings.
 *
 * @public
 */
export type DbTime = number | string;

/**
 * A row of `itsm_incidents`.
 *
 * @public
 */
export interface IncidentRow {
  id: string;
  number: number;
  title: string;
  description: string;
  entity_ref: string;
  owner_ref: string | null;
  category: string;
  impact: number;
  urgency: number;
  priority: number;
  major: boolean | number;
  status: string;
  hold_reason: string | null;
  assignee_ref: string | null;
  reporter_ref: string;
  source: string;
  dedup_key: string | null;
  /** `<source>:<dedup_key>` while open, so the database allows one open incident per alert. */
  open_dedup_key?: string | null;
  occurrence_count: number;
  workaround: string | null;
  resolution_code: string | null;
  resolution_notes: string | null;
  problem_id: string | null;
  /** The incident this one was resolved as a duplicate of. */
  duplicate_of_id?: string | null;
  /** That incident's number; numbers never change. */
  duplicate_of_number?: number | null;
  /** When the incident was declared a major incident. */
  declared_at?: DbTime | null;
  commander_ref?: string | null;
  communications_lead_ref?: string | null;
  detected_at: DbTime;
  acknowledged_at: DbTime | null;
  mitigated_at: DbTime | null;
  resolved_at: DbTime | null;
  closed_at: DbTime | null;
  created_at: DbTime;
  updated_at: DbTime;
  version: number;
}

/**
 * A row of `itsm_problems`.
 *
 * @public
 */
export interface ProblemRow {
  id: string;
  number: number;
  title: string;
  statement: string;
  entity_ref: string | null;
  owner_ref: string | null;
  category: string;
  impact: number;
  urgency: number;
  priority: number;
  status: string;
  assignee_ref: string | null;
  reporter_ref: string;
  root_cause: string | null;
  rca_method: string | null;
  workaround: string | null;
  permanent_fix: string | null;
  known_error: boolean | number;
  known_error_at: DbTime | null;
  symptoms: string | null;
  resolution_code: string | null;
  resolution_notes: string | null;
  duplicate_of: string | null;
  source: string;
  detection_key: string | null;
  detection_reason: string | null;
  created_at: DbTime;
  updated_at: DbTime;
  resolved_at: DbTime | null;
  closed_at: DbTime | null;
  version: number;
}

/**
 * A row of `itsm_problem_entities`.
 *
 * @public
 */
export interface ProblemEntityRow {
  problem_id: string;
  entity_ref: string;
  explicit: boolean | number;
  incident_count: number;
}

/**
 * A row of `itsm_action_items`.
 *
 * @public
 */
export interface ActionItemRow {
  id: string;
  parent_type: string;
  parent_id: string;
  title: string;
  owner_ref: string | null;
  due_at: DbTime | null;
  status: string;
  kind: string;
  created_at: DbTime;
  updated_at: DbTime;
  completed_at: DbTime | null;
  version: number;
}

/**
 * A row of `itsm_postmortems`.
 *
 * @public
 */
export interface PostmortemRow {
  incident_id: string;
  summary: string;
  impact: string;
  root_cause: string;
  lessons_learned: string;
  /** draft, in_review or published; draft when left out. */
  status?: string;
  created_at: DbTime;
  updated_at: DbTime;
  version: number;
}

/**
 * A row of `itsm_incident_entities`: an entity an incident affects besides
 * its primary entity.
 *
 * @public
 */
export interface IncidentEntityRow {
  incident_id: string;
  entity_ref: string;
  added_at: DbTime;
}

/**
 * A row of `itsm_timeline`.
 *
 * @public
 */
export interface TimelineRow {
  id: number | string;
  record_type: string;
  record_id: string;
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  body: string | null;
  actor_ref: string;
  created_at: DbTime;
}

/**
 * A row of `itsm_unrouted_alerts`.
 *
 * @public
 */
export interface UnroutedAlertRow {
  id: string;
  source: string;
  dedup_key: string;
  open_dedup_key: string | null;
  title: string;
  description: string;
  severity: string;
  impact: number;
  urgency: number;
  /** JSON object of label name to value. */
  labels: string;
  status: string;
  occurrence_count: number;
  first_seen_at: DbTime;
  last_seen_at: DbTime;
  ended_at: DbTime | null;
  incident_id: string | null;
  assigned_by: string | null;
  assigned_at: DbTime | null;
  reporter_ref: string;
  /** When the alert started firing, as the sender says; null when it did not say. */
  started_at?: DbTime | null;
  dismissed_by?: string | null;
  dismissed_at?: DbTime | null;
  dismiss_reason?: string | null;
}

/**
 * A row of `itsm_alert_deliveries`.
 *
 * @public
 */
export interface AlertDeliveryRow {
  id?: number | string;
  source: string;
  actor_ref: string;
  alert_count: number;
  outcome: string;
  error: string | null;
  payload: string;
  received_at: DbTime;
}
