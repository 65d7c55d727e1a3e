/**
 * Shared domain rules of Backstage ITSM: types, lifecycles, priority matrix,
 * permissions, record numbers and limits, and the zod schemas of every request
 * with the request types derived from them, used by the backend and the frontend.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './problemTypes';
export * from './priority';
export * from './incidentLifecycle';
export * from './problemLifecycle';
export * from './permissions';
export * from './numbers';
export * from './constants';
export * from './analysis';
export type { TransitionCheck } from './transitionCheck';
export * from './summary';
export * from './status';
export * from './alerts';
export * from './changes';
export * from './triage';
export * from './followers';
export * from './search';
export * from './majorIncidents';
export * from './schemas';
export * from './sla';
