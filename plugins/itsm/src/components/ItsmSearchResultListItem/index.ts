export { ItsmSearchResultListItem } from './ItsmSearchResultListItem';
export { isItsmSearchResult } from './isItsmSearchResult';
export { ITSM_SEARCH_TYPE_NAMES } from './searchTypeNames';
