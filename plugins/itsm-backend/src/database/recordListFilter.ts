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
 * Within a few entities the rows of those entities are checked for the
 * words; across the organisation the full-text index finds them.
 */
export function searchPath(filter: {
  entityRefs?: string[];
  anyEntityRefs?: string[];
  affectedEntityRefs?: string[];
  scopes?: string[][];
}): SearchPath {
  const scoped =
    filter.entityRefs?.length ||
    filter.anyEntityRefs?.length ||
    filter.affectedEntityRefs?.length ||
    filter.scopes?.length;
  return scoped ? 'rows' : 'index';
}
