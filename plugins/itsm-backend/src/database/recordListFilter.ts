import { SearchPath } from './wordSearch';

/** The filters every record list has, besides its own. */
export interface RecordListFilter {
  /** Entity sets the record's entity must be in, each one (a system's, a group's). */
  scopes?: string[][];
  assigneeRef?: string;
  /** Only records nobody is assigned to. */
  unassigned?: boolean;
  /** Words that must all match. */
  text?: string;
}

/**
 * The entity sets a filter narrows to, each one a bound on the records; none
 * across the organisation.
 */
export function entitySets(filter: {
  entityRefs?: string[];
  anyEntityRefs?: string[];
  affectedEntityRefs?: string[];
  scopes?: string[][];
}): string[][] {
  return [
    filter.entityRefs,
    filter.anyEntityRefs,
    filter.affectedEntityRefs,
    ...(filter.scopes ?? []),
  ].filter((set): set is string[] => set !== undefined && set.length > 0);
}

/** Problems within entities are few: their rows are checked for the words. */
export function problemSearchPath(filter: {
  entityRefs?: string[];
  anyEntityRefs?: string[];
  affectedEntityRefs?: string[];
  scopes?: string[][];
}): SearchPath {
  return entitySets(filter).length > 0 ? 'rows' : 'index';
}
