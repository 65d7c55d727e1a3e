import {
  Incident,
  parseIncidentNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { ListSort } from '@backstage-itsm/plugin-itsm-common';
import { findRecordRow, isUuid } from './findRecordRow';
import { ListCursor } from './listCursor';
import { whereIncidentAffects } from './incidentEntities';
import { incidentFromRow } from './mappers';
import { RecordListFilter, entitySets } from './recordListFilter';
import { fetchSortedPage } from './sortedPage';
import { IncidentRow } from './tables';
import { SearchTarget, parseSearchWords, whereWordsMatch } from './wordSearch';

/** Narrows a query to what the caller may see; from a permission decision. */
export type QueryRestriction = (query: Knex.QueryBuilder) => void;

/** Filters of the incident list. */
export interface IncidentFilter extends RecordListFilter {
  entityRefs?: string[];
  /** Incidents on these entities or affecting them besides their own. */
  affectingEntityRefs?: string[];
  ownerRefs?: string[];
  statuses?: string[];
  priorities?: number[];
  sources?: string[];
  category?: string;
  problemId?: string;
}

/** Where words are searched in incidents: number, title and description. */
export const INCIDENT_SEARCH: SearchTarget = {
  vector: 'itsm_incidents.search_vector',
  entityInVector: true,
  number: 'itsm_incidents.number',
  title: 'itsm_incidents.title',
  columns: ['itsm_incidents.title', 'itsm_incidents.description'],
  parseReference: parseIncidentNumber,
};

/** The fewest entities a filter keeps incidents to; undefined for none. */
function smallestEntitySet(filter: IncidentFilter): string[] | undefined {
  const sets = entitySets(filter);
  return sets.length > 0
    ? sets.reduce((a, b) => (b.length < a.length ? b : a))
    : undefined;
}

/** Applies list filters to a query on `itsm_incidents`. */
export function whereIncidentMatches(
  db: Knex,
  query: Knex.QueryBuilder,
  filter: IncidentFilter,
): Knex.QueryBuilder {
  for (const scope of filter.scopes ?? []) {
    query.whereIn('entity_ref', scope);
  }
  if (filter.entityRefs?.length) {
    query.whereIn('entity_ref', filter.entityRefs);
  }
  if (filter.affectingEntityRefs?.length) {
    whereIncidentAffects(query, { entityRefs: filter.affectingEntityRefs });
  }
  if (filter.ownerRefs?.length) {
    query.whereIn('owner_ref', filter.ownerRefs);
  }
  if (filter.statuses?.length) {
    query.whereIn('status', filter.statuses);
  }
  if (filter.priorities?.length) {
    query.whereIn('priority', filter.priorities);
  }
  if (filter.sources?.length) {
    query.whereIn('source', filter.sources);
  }
  if (filter.assigneeRef) {
    query.where('assignee_ref', filter.assigneeRef);
  }
  if (filter.unassigned) {
    query.whereNull('assignee_ref');
  }
  if (filter.category) {
    query.where('category', filter.category);
  }
  if (filter.problemId) {
    query.where('problem_id', filter.problemId);
  }
  if (filter.text) {
    whereWordsMatch(query, {
      db,
      target: INCIDENT_SEARCH,
      words: parseSearchWords(filter.text, parseIncidentNumber),
      entityRefs: smallestEntitySet(filter),
    });
  }
  return query;
}

/** Lists incidents in the given sort, one keyset page at a time. */
export async function listIncidents(
  db: Knex,
  options: {
    filter: IncidentFilter;
    restrict?: QueryRestriction;
    sort: ListSort;
    after?: ListCursor;
    limit: number;
  },
) {
  const { filter, restrict } = options;
  // The words are matched by the sort: a relevance page matches them per tier.
  const withoutWords = { ...filter, text: undefined };
  const page = await fetchSortedPage<IncidentRow>({
    db,
    base: () => {
      const query = db<IncidentRow>('itsm_incidents').select('*');
      whereIncidentMatches(db, query, withoutWords);
      restrict?.(query);
      return query;
    },
    table: 'itsm_incidents',
    sort: options.sort,
    search: filter.text
      ? {
          target: INCIDENT_SEARCH,
          words: parseSearchWords(filter.text, parseIncidentNumber),
          entityRefs: smallestEntitySet(filter),
        }
      : undefined,
    after: options.after,
    limit: options.limit,
  });
  return {
    items: page.rows.map(incidentFromRow),
    nextCursor: page.nextCursor,
  };
}

/** Finds an incident by uuid or by its number (`INC-000042`). */
export async function findIncidentRow(
  db: Knex,
  idOrNumber: string,
): Promise<IncidentRow | undefined> {
  return findRecordRow<IncidentRow>(db, {
    table: 'itsm_incidents',
    idOrNumber,
    parseNumber: parseIncidentNumber,
  });
}

/** Loads incidents by id, in no particular order. */
export async function getIncidentsByIds(
  db: Knex,
  ids: string[],
): Promise<Incident[]> {
  const rows = await db<IncidentRow>('itsm_incidents').whereIn(
    'id',
    ids.filter(isUuid),
  );
  return rows.map(incidentFromRow);
}
