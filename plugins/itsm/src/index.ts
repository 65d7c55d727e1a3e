/**
 * Backstage ITSM frontend: incidents, problems and known errors in Backstage.
 *
 * @packageDocumentation
 */
export * from './api';
