import { InputError } from '@backstage/errors';
import {
  Problem,
  parseProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { ListSort } from '@backstage-itsm/plugin-itsm-common';
import { findRecordRow, isUuid } from './findRecordRow';
import { QueryRestriction } from './incidents';
import { ListCursor } from './listCursor';
import { problemFromRow } from './mappers';
import { RecordListFilter, problemSearchPath } from './recordListFilter';
import { fetchSortedPage } from './sortedPage';
import { ProblemEntityRow, ProblemRow } from './tables';
import { SearchTarget, parseSearchWords, whereWordsMatch } from './wordSearch';

/** Filters of the problem list. */
export interface ProblemFilter extends RecordListFilter {
  /** Root-cause entities. */
  entityRefs?: string[];
  /** Entities the problem hurts. */
  affectedEntityRefs?: string[];
  /** Entities that are either the root cause or hurt. */
  anyEntityRefs?: string[];
  statuses?: string[];
  priorities?: number[];
  category?: string;
  knownError?: boolean;
  source?: string;
}

/**
 * Where words are searched in problems: number, title, statement, symptoms,
 * root cause and workaround.
 */
export const PROBLEM_SEARCH: SearchTarget = {
  vector: 'itsm_problems.search_vector',
  number: 'itsm_problems.number',
  title: 'itsm_problems.title',
  columns: [
    'itsm_problems.title',
    'itsm_problems.statement',
    'itsm_problems.symptoms',
    'itsm_problems.root_cause',
    'itsm_problems.workaround',
  ],
  parseReference: parseProblemNumber,
};

/** Problems rooted in or hurting one of the entities. */
function whereAnyEntity(query: Knex.QueryBuilder, refs: string[]): void {
  query.where(inner =>
    inner
      .whereIn('itsm_problems.entity_ref', refs)
      .orWhereIn('itsm_problems.id', problemsAffecting(refs)),
  );
}

/** The subquery of the ids of problems that hurt one of the entities. */
export function problemsAffecting(entityRefs: string[]): Knex.QueryCallback {
  return sub => {
    sub
      .select('problem_id')
      .from('itsm_problem_entities')
      .whereIn('entity_ref', entityRefs);
  };
}

/** Applies list filters to a query on `itsm_problems`. */
export function whereProblemMatches(
  db: Knex,
  query: Knex.QueryBuilder,
  filter: ProblemFilter,
): Knex.QueryBuilder {
  for (const scope of filter.scopes ?? []) {
    whereAnyEntity(query, scope);
  }
  if (filter.entityRefs?.length) {
    query.whereIn('itsm_problems.entity_ref', filter.entityRefs);
  }
  if (filter.affectedEntityRefs?.length) {
    query.whereIn(
      'itsm_problems.id',
      problemsAffecting(filter.affectedEntityRefs),
    );
  }
  if (filter.anyEntityRefs?.length) {
    whereAnyEntity(query, filter.anyEntityRefs);
  }
  if (filter.statuses?.length) {
    query.whereIn('itsm_problems.status', filter.statuses);
  }
  if (filter.priorities?.length) {
    query.whereIn('itsm_problems.priority', filter.priorities);
  }
  if (filter.assigneeRef) {
    query.where('itsm_problems.assignee_ref', filter.assigneeRef);
  }
  if (filter.unassigned) {
    query.whereNull('itsm_problems.assignee_ref');
  }
  if (filter.category) {
    query.where('itsm_problems.category', filter.category);
  }
  if (filter.knownError !== undefined) {
    query.where('itsm_problems.known_error', filter.knownError);
  }
  if (filter.source) {
    query.where('itsm_problems.source', filter.source);
  }
  if (filter.text) {
    whereWordsMatch(query, {
      db,
      target: PROBLEM_SEARCH,
      words: parseSearchWords(filter.text, parseProblemNumber),
      path: problemSearchPath(filter),
    });
  }
  return query;
}

/** Loads the affected entities and incident counts of the given problems. */
async function loadAffected(db: Knex, problemIds: string[]) {
  const byProblem = new Map<
    string,
    { entityRefs: string[]; incidentCount: number }
  >();
  for (const id of problemIds) {
    byProblem.set(id, { entityRefs: [], incidentCount: 0 });
  }
  if (problemIds.length > 0) {
    const rows: ProblemEntityRow[] = await db('itsm_problem_entities')
      .whereIn('problem_id', problemIds)
      .orderBy('entity_ref');
    for (const row of rows) {
      const entry = byProblem.get(row.problem_id)!;
      entry.entityRefs.push(row.entity_ref);
      entry.incidentCount += Number(row.incident_count);
    }
  }
  return byProblem;
}

/** Maps problem rows to API objects, with their affected entities. */
export async function problemsFromRows(
  db: Knex,
  rows: ProblemRow[],
): Promise<Problem[]> {
  const affected = await loadAffected(
    db,
    rows.map(row => row.id),
  );
  return rows.map(row => problemFromRow(row, affected.get(row.id)!));
}

/** Lists problems in the given sort, one keyset page at a time. */
export async function listProblems(
  db: Knex,
  options: {
    filter: ProblemFilter;
    restrict?: QueryRestriction;
    sort: ListSort;
    after?: ListCursor;
    limit: number;
  },
) {
  const { filter, restrict } = options;
  if (options.sort === 'due') {
    throw new InputError(
      'sort: due orders incidents only; problems have no SLA',
    );
  }
  // The words are matched by the sort: a relevance page matches them per tier.
  const withoutWords = { ...filter, text: undefined };
  const page = await fetchSortedPage<ProblemRow>({
    db,
    base: () => {
      const query = db<ProblemRow>('itsm_problems').select('itsm_problems.*');
      whereProblemMatches(db, query, withoutWords);
      restrict?.(query);
      return query;
    },
    table: 'itsm_problems',
    sort: options.sort,
    search: filter.text
      ? {
          target: PROBLEM_SEARCH,
          words: parseSearchWords(filter.text, parseProblemNumber),
          path: problemSearchPath(filter),
        }
      : undefined,
    after: options.after,
    limit: options.limit,
  });
  return {
    items: await problemsFromRows(db, page.rows),
    nextCursor: page.nextCursor,
  };
}

/** Finds a problem by uuid or by its number (`PRB-000007`). */
export async function findProblemRow(
  db: Knex,
  idOrNumber: string,
): Promise<ProblemRow | undefined> {
  return findRecordRow<ProblemRow>(db, {
    table: 'itsm_problems',
    idOrNumber,
    parseNumber: parseProblemNumber,
  });
}

/** Loads problems by id, with their affected entities. */
export async function getProblemsByIds(
  db: Knex,
  ids: string[],
): Promise<Problem[]> {
  const rows = await db<ProblemRow>('itsm_problems').whereIn(
    'id',
    ids.filter(isUuid),
  );
  return problemsFromRows(db, rows);
}

/** Inserts a new problem. */
export async function insertProblemRow(
  tx: Knex.Transaction,
  row: ProblemRow,
): Promise<void> {
  await tx<ProblemRow>('itsm_problems').insert(row);
}

/** Whether a problem was ever proposed for a detection key, even if rejected since. */
export async function isDetectionKeyTaken(
  tx: Knex.Transaction,
  detectionKey: string,
): Promise<boolean> {
  const row = await tx<ProblemRow>('itsm_problems')
    .where({ detection_key: detectionKey })
    .first('id');
  return row !== undefined;
}
