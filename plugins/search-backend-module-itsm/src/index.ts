/**
 * Search backend module that indexes Backstage ITSM incidents, problems,
 * known errors and postmortems.
 *
 * @packageDocumentation
 */

export { searchModuleItsmCollators as default } from './module';
export { ItsmCollatorFactory } from './collators/ItsmCollatorFactory';
export type { ItsmCollatorSettings } from './collators/readCollatorSettings';
export { readCollatorSettings } from './collators/readCollatorSettings';
