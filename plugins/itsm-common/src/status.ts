import { IncidentStatus, Priority } from './types';

/**
 * States of a component or system on the status page, from best to worst.
 *
 * @public
 */
export const COMPONENT_STATES = [
  'operational',
  'degraded',
  'partial_outage',
  'major_outage',
] as const;

/**
 * State of a component or system on the status page.
 *
 * @public
 */
export type ComponentState = (typeof COMPONENT_STATES)[number];

/**
 * The state an open incident of each priority puts its entity in, by default:
 * P1 a major outage, P2 a partial outage, lower priorities a degradation.
 *
 * @public
 */
export const DEFAULT_STATUS_STATES: Readonly<Record<Priority, ComponentState>> =
  {
    1: 'major_outage',
    2: 'partial_outage',
    3: 'degraded',
    4: 'degraded',
    5: 'degraded',
  };

/**
 * The worse of two states.
 *
 * @public
 */
export function worseState(a: ComponentState, b: ComponentState) {
  return COMPONENT_STATES.indexOf(a) >= COMPONENT_STATES.indexOf(b) ? a : b;
}

/**
 * An open incident as the status page names it.
 *
 * @public
 */
export interface StatusIncident {
  number: string;
  title: string;
  priority: Priority;
  status: IncidentStatus;
}

/**
 * A component (or resource) of a system on the status page.
 *
 * @public
 */
export interface StatusComponent {
  entityRef: string;
  title: string;
  state: ComponentState;
  openIncidents: StatusIncident[];
}

/**
 * A system on the status page: the worst state of its components and of its own incidents.
 *
 * @public
 */
export interface StatusSystem {
  entityRef: string;
  title: string;
  state: ComponentState;
  components: StatusComponent[];
}

/**
 * A public status update of an open incident; internal notes never appear.
 *
 * @public
 */
export interface StatusUpdate {
  incidentNumber: string;
  entityRef: string;
  body: string;
  createdAt: string;
}

/**
 * An incident resolved in the status page's window.
 *
 * @public
 */
export interface StatusResolvedIncident {
  number: string;
  title: string;
  entityRef: string;
  priority: Priority;
  resolvedAt: string;
}

/**
 * What `GET /status` returns.
 *
 * @public
 */
export interface StatusPage {
  systems: StatusSystem[];
  updates: StatusUpdate[];
  resolved: StatusResolvedIncident[];
  generatedAt: string;
}

/**
 * Days of resolved incidents the status page lists.
 *
 * @public
 */
export const STATUS_RESOLVED_WINDOW_DAYS = 7;

/**
 * An open P1 or P2 incident on something an entity depends on, and the
 * `dependsOn` path from the entity to the incident's entity, both included.
 *
 * @public
 */
export interface UpstreamIncident {
  incident: {
    id: string;
    number: string;
    title: string;
    priority: Priority;
    status: IncidentStatus;
    entityRef: string;
  };
  path: string[];
}

/**
 * What `GET /entities/upstream-incidents` returns.
 *
 * @public
 */
export interface UpstreamIncidents {
  items: UpstreamIncident[];
}
