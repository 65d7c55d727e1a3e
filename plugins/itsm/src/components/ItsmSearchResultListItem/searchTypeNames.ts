import {
  ITSM_SEARCH_TYPES,
  ItsmSearchType,
} from '@backstage-itsm/plugin-itsm-common';

/** What each ITSM search document type is called in results and filters. */
export const ITSM_SEARCH_TYPE_NAMES: Record<ItsmSearchType, string> = {
  [ITSM_SEARCH_TYPES.incidents]: 'Incidents',
  [ITSM_SEARCH_TYPES.problems]: 'Problems',
  [ITSM_SEARCH_TYPES['known-errors']]: 'Known errors',
  [ITSM_SEARCH_TYPES.postmortems]: 'Postmortems',
};
