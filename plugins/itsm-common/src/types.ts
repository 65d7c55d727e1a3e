import type { IncidentSla } from './sla/slaTypes';
import type { PostmortemStatus } from './majorIncidents';

// Each union is derived from a const list so that validation (for example a zod enum)
// and the type share one source.

/**
 * Impact values, 1 high to 3 low.
 *
 * @public
 */
export const IMPACTS = [1, 2, 3] as const;
/**
 * How widely a record affects the business: 1 high, 2 medium, 3 low.
 *
 * @public
 */
export type Impact = (typeof IMPACTS)[number];

/**
 * Urgency values, 1 high to 3 low.
 *
 * @public
 */
export const URGENCIES = [1, 2, 3] as const;
/**
 * How soon the business needs a record dealt with: 1 high, 2 medium, 3 low.
 *
 * @public
 */
export type Urgency = (typeof URGENCIES)[number];

/**
 * Priority values, P1 to P5.
 *
 * @public
 */
export const PRIORITIES = [1, 2, 3, 4, 5] as const;
/**
 * Priority derived from impact and urgency: 1 critical to 5 planning.
 *
 * @public
 */
export type Priority = (typeof PRIORITIES)[number];

/**
 * Human label of a priority.
 *
 * @public
 */
export type PriorityLabel =
  | 'critical'
  | 'high'
  | 'moderate'
  | 'low'
  | 'planning';

/**
 * Label of each priority, P1 critical to P5 planning.
 *
 * @public
 */
export const PRIORITY_LABELS: Readonly<Record<Priority, PriorityLabel>> = {
  1: 'critical',
  2: 'high',
  3: 'moderate',
  4: 'low',
  5: 'planning',
};

/**
 * The two kinds of record the plugin stores.
 *
 * @public
 */
export const ITSM_RECORD_TYPES = ['incident', 'problem'] as const;
/**
 * Kind of record: incident or problem.
 *
 * @public
 */
export type ItsmRecordType = (typeof ITSM_RECORD_TYPES)[number];

/**
 * Incident statuses in lifecycle order.
 *
 * @public
 */
export const INCIDENT_STATUSES = [
  'new',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
] as const;
/**
 * Lifecycle status of an incident.
 *
 * @public
 */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * Reasons an incident can be put on hold.
 *
 * @public
 */
export const HOLD_REASONS = [
  'awaiting_problem',
  'awaiting_change',
  'awaiting_vendor',
  'awaiting_caller',
] as const;
/**
 * Why an incident is on hold.
 *
 * @public
 */
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * Codes an incident can be resolved with.
 *
 * @public
 */
export const INCIDENT_RESOLUTION_CODES = [
  'workaround',
  'permanent_fix',
  'known_error',
  'duplicate',
  'not_reproducible',
  'resolved_by_caller',
] as const;
/**
 * How an incident was resolved.
 *
 * @public
 */
export type IncidentResolutionCode = (typeof INCIDENT_RESOLUTION_CODES)[number];

/**
 * Channels an incident can be opened through.
 *
 * @public
 */
export const INCIDENT_SOURCES = [
  'manual',
  'alertmanager',
  'events-v2',
  'api',
] as const;
/**
 * Channel an incident was opened through.
 *
 * @public
 */
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/**
 * Another incident, by id and human reference.
 *
 * @public
 */
export interface IncidentReference {
  id: string;
  /** Human reference such as `INC-000042`. */
  number: string;
}

/**
 * An unplanned interruption of a catalog entity, as returned by the API.
 *
 * @public
 */
export interface Incident {
  id: string;
  /** Human reference such as `INC-000042`. */
  number: string;
  title: string;
  description: string;
  /** Normalised ref of the affected catalog entity. */
  entityRef: string;
  /** Owner of the affected entity when the incident was logged. */
  ownerRef: string | null;
  category: string;
  impact: Impact;
  urgency: Urgency;
  /** Derived from impact and urgency, never set directly. */
  priority: Priority;
  major: boolean;
  /** When the incident was declared a major incident; null unless declared. */
  declaredAt: string | null;
  /** Incident commander of a declared major incident. */
  commanderRef: string | null;
  /** Communications lead of a declared major incident. */
  communicationsLeadRef: string | null;
  status: IncidentStatus;
  holdReason: HoldReason | null;
  assigneeRef: string | null;
  /** Taken from the caller's identity, never from a request body. */
  reporterRef: string;
  source: IncidentSource;
  dedupKey: string | null;
  occurrenceCount: number;
  workaround: string | null;
  resolutionCode: IncidentResolutionCode | null;
  resolutionNotes: string | null;
  problemId: string | null;
  /** The incident this one was resolved as a duplicate of. */
  duplicateOf: IncidentReference | null;
  detectedAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic locking counter. */
  version: number;
  /** The SLA clocks, when the priority has SLA targets. */
  sla?: IncidentSla;
}

/**
 * Action item statuses.
 *
 * @public
 */
export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
/**
 * Whether an action item is still to do.
 *
 * @public
 */
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * Action item kinds.
 *
 * @public
 */
export const ACTION_ITEM_KINDS = ['corrective', 'preventive'] as const;
/**
 * Whether an action item corrects a cause or prevents a recurrence.
 *
 * @public
 */
export type ActionItemKind = (typeof ACTION_ITEM_KINDS)[number];

/**
 * A follow-up task attached to a problem or to an incident's postmortem.
 *
 * @public
 */
export interface ActionItem {
  id: string;
  parentType: ItsmRecordType;
  parentId: string;
  title: string;
  ownerRef: string | null;
  dueAt: string | null;
  status: ActionItemStatus;
  kind: ActionItemKind;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  version: number;
}

/**
 * The post-incident review of one incident; text fields are markdown.
 *
 * @public
 */
export interface Postmortem {
  incidentId: string;
  summary: string;
  impact: string;
  rootCause: string;
  lessonsLearned: string;
  /** Where the postmortem stands in its review. */
  status: PostmortemStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * Kinds of timeline event.
 *
 * @public
 */
export const TIMELINE_EVENT_KINDS = [
  'created',
  'field_changed',
  'transition',
  'note',
  'status_update',
  'linked',
  'unlinked',
  'alert_occurrence',
  'postmortem_updated',
  'action_item',
  'duplicate_of',
  'duplicate_added',
  'sla',
] as const;
/**
 * Kind of timeline event; `note` is internal, `status_update` is public;
 * `sla` records a clock's warning, breach or new targets.
 *
 * @public
 */
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/**
 * One immutable entry in a record's history.
 *
 * @public
 */
export interface TimelineEvent {
  id: string;
  recordType: ItsmRecordType;
  recordId: string;
  kind: TimelineEventKind;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  body: string | null;
  actorRef: string;
  createdAt: string;
}

/**
 * One page of a keyset-paginated list.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  /** Cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}
