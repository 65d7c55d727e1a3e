import { SearchResult } from '@backstage/plugin-search-common';
import { ITSM_SEARCH_TYPE_NAMES } from './searchTypeNames';

/** Whether a search result is an ITSM record, which the ITSM item shows. */
export function isItsmSearchResult(result: SearchResult): boolean {
  return Object.hasOwn(ITSM_SEARCH_TYPE_NAMES, result.type);
}
