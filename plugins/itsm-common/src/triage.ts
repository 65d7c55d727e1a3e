import { Incident } from './types';
import { Problem } from './problemTypes';

/**
 * How a suggestion relates to the entity it was found for: on the entity
 * itself, or on something the entity depends on (through `dependsOn`).
 *
 * @public
 */
export type TriageVia = 'entity' | 'dependency';

/**
 * An open incident that may be the one a reporter is about to log.
 *
 * @public
 */
export interface PossibleDuplicate {
  incident: Incident;
  via: TriageVia;
  /** From the entity asked about to the incident's entity, both included. */
  path: string[];
  /** How many distinct words of the reporter's text the incident's title and description contain. */
  matchedWords: number;
}

/**
 * A known error that may explain an incident.
 *
 * @public
 */
export interface KnownErrorCandidate {
  problem: Problem;
  via: TriageVia;
  /** From the incident's entity to the known error's nearest entity, both included. */
  path: string[];
  /** How many distinct words of the incident's title and description the known error contains. */
  matchedWords: number;
}

/**
 * The suggestions of a triage lookup, best first.
 *
 * @public
 */
export interface TriageList<T> {
  items: T[];
}
