/**
 * Demo data module of the Backstage ITSM backend: a deterministic six-month
 * history of incidents, problems, postmortems and action items, seeded into an
 * empty database when `itsm.demoData` is true.
 *
 * @packageDocumentation
 */
export { itsmModuleDemoData as default } from './module';
