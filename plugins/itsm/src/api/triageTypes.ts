import {
  Incident,
  IncidentListQuery,
  IncidentTransitionRequest,
  KnownErrorCandidate,
  ListSort,
  ProblemListQuery,
  TriageVia,
  UpdateIncidentRequest,
} from '@backstage-itsm/plugin-itsm-common';

export type { PossibleDuplicate } from '@backstage-itsm/plugin-itsm-common';

/**
 * Orders of the incident and problem lists: newest first (the default),
 * oldest first, priority 1 first and then oldest first, or best match of the
 * words first (the default when `text` is given; only with `text`).
 *
 * @public
 */
export type RecordListSort = ListSort;

/**
 * Filters of the organisation queue that the list endpoints take on top of
 * the entity, owner, status and priority ones.
 *
 * @public
 */
export interface TriageListFilters {
  /** Assigned to the caller (`me`) or to nobody (`none`). */
  assignee?: 'me' | 'none';
  /** Incidents on the system and on every entity part of it. */
  systemRef?: string;
  /** Incidents on every entity the group owns. */
  groupRef?: string;
  sort?: RecordListSort;
}

/**
 * Query of the incident list, with the queue's filters.
 *
 * @public
 */
export type IncidentQueueQuery = IncidentListQuery &
  TriageListFilters & {
    /** Logged by hand, or opened by an alert. */
    source?: ('manual' | 'alert')[];
  };

/**
 * Query of the problem list, with the queue's filters.
 *
 * @public
 */
export type ProblemQueueQuery = ProblemListQuery & TriageListFilters;

/**
 * An incident with the original it duplicates, once resolved as a duplicate.
 *
 * @public
 */
export type TriagedIncident = Incident & {
  duplicateOf?: { id: string; number: string } | null;
};

/**
 * Changes to an incident, with the reason for a change of priority.
 *
 * @public
 */
export type EditIncidentRequest = UpdateIncidentRequest & { reason?: string };

/**
 * A lifecycle move of an incident; resolving as a duplicate names the original.
 *
 * @public
 */
export type TriageTransitionRequest = IncidentTransitionRequest & {
  duplicateOf?: string;
};

/**
 * Where a related record was found: on the entity itself, or on something
 * it depends on, through `path` (entity refs from the entity on).
 *
 * @public
 */
export interface FoundVia {
  via: TriageVia;
  path: string[];
}

/**
 * A known error that may explain an incident.
 *
 * @public
 */
export type IncidentKnownError = KnownErrorCandidate;
