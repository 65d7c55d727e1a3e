import { Priority } from './types';

/**
 * What the entity overview card shows: open work and recent repair speed.
 *
 * @public
 */
export interface EntityItsmSummary {
  entityRef: string;
  /** Open incidents (new, in progress, on hold) per priority. */
  openIncidentsByPriority: Record<Priority, number>;
  /** Mean time from detection to resolution, over incidents resolved in the window. */
  mttrMs: number | null;
  /** Incidents resolved in the window. */
  resolvedIncidents: number;
  /** Length of the window, ending now. */
  windowDays: number;
  /** Open problems whose root cause lies in, or that hurt, the entity. */
  openProblems: number;
  /**
   * Known errors in effect: problems published as known errors whose root
   * cause lies in, or that hurt, the entity, and that are not closed. The
   * analysis counts the same for its scope.
   */
  knownErrors: number;
}

/**
 * Days the overview card's MTTR looks back over.
 *
 * @public
 */
export const SUMMARY_WINDOW_DAYS = 30;
