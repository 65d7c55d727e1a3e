import {
  Problem,
  parseProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from './cursor';
import { findRecordRow, isUuid } from './findRecordRow';
import { QueryRestriction } from './incidents';
import { problemFromRow } from './mappers';
import { afterCursor, toPage } from './paging';
import { ProblemEntityRow, ProblemRow } from './tables';
import { whereTextMatches } from './textSearch';

/** Filters of the problem list. */
export interface ProblemFilter {
  /** Root-cause entities. */
  entityRefs?: string[];
  /** Entities the problem hurts. */
  affectedEntityRefs?: string[];
  /** Entities that are either the root cause or hurt. */
  anyEntityRefs?: string[];
  statuses?: string[];
  priorities?: number[];
  assigneeRef?: string;
  category?: string;
  knownError?: boolean;
  source?: string;
  text?: string;
}

/** Applies list filters to a query on `itsm_problems`. */
export function whereProblemMatches(
  db: Knex,
  query: Knex.QueryBuilder,
  filter: ProblemFilter,
): Knex.QueryBuilder {
  if (filter.entityRefs?.length) {
    query.whereIn('itsm_problems.entity_ref', filter.entityRefs);
  }
  if (filter.affectedEntityRefs?.length) {
    query.whereIn(
      'itsm_problems.id',
      db('itsm_problem_entities')
        .select('problem_id')
        .whereIn('entity_ref', filter.affectedEntityRefs),
    );
  }
  if (filter.anyEntityRefs?.length) {
    const refs = filter.anyEntityRefs;
    query.where(inner =>
      inner
        .whereIn('itsm_problems.entity_ref', refs)
        .orWhereIn(
          'itsm_problems.id',
          db('itsm_problem_entities')
            .select('problem_id')
            .whereIn('entity_ref', refs),
        ),
    );
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
    const number = parseProblemNumber(filter.text);
    if (number !== undefined) {
      query.where('itsm_problems.number', number);
    } else {
      whereTextMatches(
        query,
        [
          'itsm_problems.title',
          'itsm_problems.statement',
          'itsm_problems.root_cause',
          'itsm_problems.symptoms',
          'itsm_problems.workaround',
        ],
        filter.text,
      );
    }
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

/** Lists problems newest first, one keyset page at a time. */
export async function listProblems(
  db: Knex,
  options: {
    filter: ProblemFilter;
    restrict?: QueryRestriction;
    after?: Cursor;
    limit: number;
  },
) {
  const query = db<ProblemRow>('itsm_problems').select('itsm_problems.*');
  whereProblemMatches(db, query, options.filter);
  options.restrict?.(query);
  afterCursor(query, {
    column: 'itsm_problems.created_at',
    idColumn: 'itsm_problems.id',
    cursor: options.after,
  });
  const rows: ProblemRow[] = await query.limit(options.limit + 1);
  const page = toPage(rows, {
    limit: options.limit,
    keyOf: row => ({ key: Number(row.created_at), id: row.id }),
    map: row => row,
  });
  return {
    items: await problemsFromRows(db, page.items),
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

/** Versioned update of a problem row; false when the version is stale. */
export async function updateProblemRow(
  tx: Knex.Transaction,
  options: { id: string; version: number; changes: Partial<ProblemRow> },
): Promise<boolean> {
  const count = await tx<ProblemRow>('itsm_problems')
    .where({ id: options.id, version: options.version })
    .update({ ...options.changes, version: options.version + 1 });
  return count === 1;
}

/**
 * Rebuilds the entities a problem hurts from its linked incidents, keeping
 * the explicit additions, so counts never drift from the links.
 */
export async function refreshAffectedEntities(
  tx: Knex.Transaction,
  problemId: string,
  explicitEntityRefs?: string[],
): Promise<void> {
  const existing: ProblemEntityRow[] = await tx('itsm_problem_entities').where({
    problem_id: problemId,
  });
  const explicit = new Set(
    explicitEntityRefs ??
      existing.filter(row => Boolean(row.explicit)).map(row => row.entity_ref),
  );
  const counts: { entity_ref: string; count: number | string }[] = await tx(
    'itsm_incidents',
  )
    .where({ problem_id: problemId })
    .groupBy('entity_ref')
    .select('entity_ref', tx.raw('COUNT(*) as count'));
  const rows = new Map<string, ProblemEntityRow>();
  for (const ref of explicit) {
    rows.set(ref, {
      problem_id: problemId,
      entity_ref: ref,
      explicit: true,
      incident_count: 0,
    });
  }
  for (const { entity_ref, count } of counts) {
    rows.set(entity_ref, {
      problem_id: problemId,
      entity_ref,
      explicit: explicit.has(entity_ref),
      incident_count: Number(count),
    });
  }
  await tx('itsm_problem_entities').where({ problem_id: problemId }).delete();
  if (rows.size > 0) {
    await tx('itsm_problem_entities').insert([...rows.values()]);
  }
}
