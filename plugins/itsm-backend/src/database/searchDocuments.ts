import {
  Priority,
  SearchDocumentKind,
  SearchDocumentSource,
  formatIncidentNumber,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from './cursor';
import { orderAfter } from './keysetOrder';

/** Which page of one kind of search document to read. */
export interface SearchDocumentPageOptions {
  kind: SearchDocumentKind;
  /** Only records created at or after this time (incidents and postmortems). */
  createdAfter?: number;
  limit: number;
  after?: Cursor;
}

/** The rows of a page and the cursor of its last row, if more may follow. */
export interface SearchDocumentRows {
  items: SearchDocumentSource[];
  next?: Cursor;
}

function joined(...parts: Array<string | null | undefined>): string {
  return parts.filter(part => part && part.trim() !== '').join('\n\n');
}

/**
 * Incidents are walked by creation time so that a window reads only its
 * part of the created-at index; the other kinds by id, their primary key.
 */
function incidentQuery(db: Knex, options: SearchDocumentPageOptions) {
  const query = db('itsm_incidents')
    .select(
      'id',
      'number',
      'title',
      'description',
      'workaround',
      'resolution_notes',
      'priority',
      'status',
      'entity_ref',
      'created_at',
    )
    .where('created_at', '>=', options.createdAfter ?? 0);
  return orderAfter(query, {
    columns: ['created_at'],
    idColumn: 'id',
    order: 'asc',
    keys: options.after && [options.after.key],
    id: options.after?.id,
  });
}

function problemQuery(db: Knex, options: SearchDocumentPageOptions) {
  const query = db('itsm_problems')
    .select(
      'id',
      'number',
      'title',
      'statement',
      'symptoms',
      'root_cause',
      'workaround',
      'permanent_fix',
      'priority',
      'status',
      'entity_ref',
      'created_at',
    )
    .where('known_error', options.kind === 'known-errors');
  return orderAfter(query, {
    columns: [],
    idColumn: 'id',
    order: 'asc',
    keys: options.after && [],
    id: options.after?.id,
  });
}

function postmortemQuery(db: Knex, options: SearchDocumentPageOptions) {
  const query = db('itsm_postmortems as p')
    .join('itsm_incidents as i', 'i.id', 'p.incident_id')
    .select(
      'p.incident_id as id',
      'i.number',
      'i.title',
      'p.summary',
      'p.impact',
      'p.root_cause',
      'p.lessons_learned',
      'i.priority',
      'i.status',
      'i.entity_ref',
      'p.created_at',
    )
    .where('p.created_at', '>=', options.createdAfter ?? 0);
  return orderAfter(query, {
    columns: [],
    idColumn: 'p.incident_id',
    order: 'asc',
    keys: options.after && [],
    id: options.after?.id,
  });
}

function toSource(
  kind: SearchDocumentKind,
  row: Record<string, any>,
): SearchDocumentSource {
  const common = {
    id: row.id,
    priority: Number(row.priority) as Priority,
    status: row.status,
    entityRef: row.entity_ref ?? null,
    createdAt: Number(row.created_at),
  };
  if (kind === 'incidents') {
    const number = formatIncidentNumber(Number(row.number));
    return {
      ...common,
      number,
      title: `${number} ${row.title}`,
      text: joined(row.description, row.workaround, row.resolution_notes),
    };
  }
  if (kind === 'postmortems') {
    const number = formatIncidentNumber(Number(row.number));
    return {
      ...common,
      number,
      title: `Postmortem of ${number} ${row.title}`,
      text: joined(
        row.summary,
        row.impact,
        row.root_cause,
        row.lessons_learned,
      ),
    };
  }
  const number = formatProblemNumber(Number(row.number));
  return {
    ...common,
    number,
    title: `${number} ${row.title}`,
    text: joined(
      row.statement,
      row.symptoms,
      row.root_cause,
      row.workaround,
      row.permanent_fix,
    ),
  };
}

const QUERIES = {
  incidents: incidentQuery,
  problems: problemQuery,
  'known-errors': problemQuery,
  postmortems: postmortemQuery,
};

/**
 * One keyset page of the records of a kind, as search document sources,
 * oldest first for incidents and by id for the rest.
 */
export async function readSearchDocumentPage(
  db: Knex,
  options: SearchDocumentPageOptions,
): Promise<SearchDocumentRows> {
  const rows = await QUERIES[options.kind](db, options).limit(
    options.limit + 1,
  );
  const page = rows.slice(0, options.limit);
  const items = page.map((row: Record<string, any>) =>
    toSource(options.kind, row),
  );
  const last = page[page.length - 1];
  if (rows.length <= options.limit || !last) {
    return { items };
  }
  return {
    items,
    next: {
      key: options.kind === 'incidents' ? Number(last.created_at) : 0,
      id: last.id,
    },
  };
}
