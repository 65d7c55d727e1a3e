import { AnalysisScope } from './analysis';
import { TriageVia } from './triage';

/**
 * What a change event changed.
 *
 * @public
 */
export const CHANGE_KINDS = [
  'deploy',
  'config',
  'feature_flag',
  'migration',
  'other',
] as const;
/**
 * Kind of a change event; DORA counts only `deploy`.
 *
 * @public
 */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * Channel a change event arrived through: the native endpoint or the
 * PagerDuty Change Events compatible one.
 *
 * @public
 */
export type ChangeSource = 'native' | 'pagerduty';

/**
 * A link sent with a change, such as its pipeline run or pull request.
 *
 * @public
 */
export interface ChangeLink {
  href: string;
  text: string | null;
}

/**
 * A deploy, config push, feature flag flip or migration on a catalog entity.
 *
 * @public
 */
export interface ChangeEvent {
  id: string;
  source: ChangeSource;
  /** The sender's idempotency key, or a hash of the event when it sent none. */
  dedupKey: string;
  /** The entity the change was routed to; null while unrouted. */
  entityRef: string | null;
  ownerRef: string | null;
  kind: ChangeKind;
  summary: string;
  version: string | null;
  author: string | null;
  links: ChangeLink[];
  /** What routing matched, as sent. */
  labels: Record<string, string>;
  /** When the change happened, as the sender says (or when it arrived). */
  occurredAt: string;
  receivedAt: string;
}

/**
 * Answer of the change ingestion endpoints.
 *
 * @public
 */
export interface ChangeIngestResult {
  id: string;
  /** null when no routing rule matched: the change is kept as unrouted. */
  entityRef: string | null;
  /** True when the key had been seen before and nothing was stored. */
  duplicate: boolean;
}

/**
 * A page of change events, newest first.
 *
 * @public
 */
export interface ChangeList {
  items: ChangeEvent[];
  nextCursor: string | null;
}

/**
 * A change that preceded an incident, on its entity or on what it depends on.
 *
 * @public
 */
export interface IncidentChange {
  change: ChangeEvent;
  via: TriageVia;
  /** From the incident's entity to the changed entity, both included. */
  path: string[];
  /** How long before the incident's detection the change happened. */
  beforeDetectionMs: number;
}

/**
 * The changes in the window before an incident's detection, newest first.
 *
 * @public
 */
export interface IncidentChanges {
  windowMs: number;
  dependencyDepth: number;
  items: IncidentChange[];
}

/**
 * Changes of one entity and kind that preceded a problem's incidents:
 * "3 of 4 incidents followed a deploy of auth-service within 30 min".
 *
 * @public
 */
export interface ProblemChangeSuspect {
  entityRef: string;
  kind: ChangeKind;
  /** Linked incidents preceded by such a change within the window. */
  followedIncidents: number;
  totalIncidents: number;
  /** The latest such change before each incident it preceded, newest first. */
  changes: { change: ChangeEvent; incidentNumber: string; path: string[] }[];
}

/**
 * Which changes preceded a problem's linked incidents, most often first.
 *
 * @public
 */
export interface ProblemChanges {
  windowMs: number;
  totalIncidents: number;
  suspects: ProblemChangeSuspect[];
}

/**
 * DORA figures of one week.
 *
 * @public
 */
export interface DoraWeek {
  weekStart: string;
  deploys: number;
  /** Deploys followed by an incident on the entity or its dependents within the failure window. */
  failedDeploys: number;
  /** Incidents resolved this week (by creation week) and their mean time to restore. */
  resolvedIncidents: number;
  timeToRestoreMeanMs: number | null;
}

/**
 * Deployment frequency, change failure rate and time to restore of a scope.
 *
 * @public
 */
export interface DoraFigures {
  scope: AnalysisScope;
  window: { from: string; to: string };
  failureWindowMs: number;
  deploys: number;
  deploysPerWeek: number;
  failedDeploys: number;
  /** failedDeploys / deploys; null without deploys. */
  changeFailureRate: number | null;
  resolvedIncidents: number;
  timeToRestoreMeanMs: number | null;
  weekly: DoraWeek[];
}
