import {
  Incident,
  parseIncidentNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from './cursor';
import { findRecordRow, isUuid } from './findRecordRow';
import { incidentFromRow } from './mappers';
import { fetchPage } from './paging';
import { IncidentRow } from './tables';
import { whereTextMatches } from './textSearch';

/** Narrows a query to what the caller may see; from a permission decision. */
export type QueryRestriction = (query: Knex.QueryBuilder) => void;

/** Filters of the incident list. */
export interface IncidentFilter {
  entityRefs?: string[];
  ownerRefs?: string[];
  statuses?: string[];
  priorities?: number[];
  assigneeRef?: string;
  category?: string;
  problemId?: string;
  text?: string;
}

/** Applies list filters to a query on `itsm_incidents`. */
export function whereIncidentMatches(
  query: Knex.QueryBuilder,
  filter: IncidentFilter,
): Knex.QueryBuilder {
  if (filter.entityRefs?.length) {
    query.whereIn('entity_ref', filter.entityRefs);
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
  if (filter.assigneeRef) {
    query.where('assignee_ref', filter.assigneeRef);
  }
  if (filter.category) {
    query.where('category', filter.category);
  }
  if (filter.problemId) {
    query.where('problem_id', filter.problemId);
  }
  if (filter.text) {
    const number = parseIncidentNumber(filter.text);
    if (number !== undefined) {
      query.where('number', number);
    } else {
      whereTextMatches(query, {
        columns: ['title', 'description'],
        text: filter.text,
      });
    }
  }
  return query;
}

/** Lists incidents newest first, one keyset page at a time. */
export async function listIncidents(
  db: Knex,
  options: {
    filter: IncidentFilter;
    restrict?: QueryRestriction;
    after?: Cursor;
    limit: number;
  },
) {
  const query = db<IncidentRow>('itsm_incidents').select('*');
  whereIncidentMatches(query, options.filter);
  options.restrict?.(query);
  const page = await fetchPage<IncidentRow>(query, {
    keyColumn: 'created_at',
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
