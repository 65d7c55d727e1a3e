import {
  PostmortemListItem,
  formatIncidentNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from './cursor';
import { QueryRestriction } from './incidents';
import { afterCursor, toPage } from './paging';
import { toIso } from './time';

interface PostmortemListRow {
  incident_id: string;
  status: string;
  created_at: string | number;
  updated_at: string | number;
  number: number;
  title: string;
  entity_ref: string;
  priority: number;
  major: boolean | number;
  commander_ref: string | null;
}

/**
 * Lists postmortems newest change first, one keyset page at a time, of the
 * incidents the restriction lets the caller read; walks the index on
 * `(status, updated_at, incident_id)` or `(updated_at, incident_id)`.
 */
export async function listPostmortems(
  db: Knex,
  options: {
    statuses?: string[];
    restrict?: QueryRestriction;
    after?: Cursor;
    limit: number;
  },
): Promise<{ items: PostmortemListItem[]; nextCursor: string | null }> {
  const { statuses, restrict, limit } = options;
  const query = db('itsm_postmortems')
    .join('itsm_incidents', 'itsm_incidents.id', 'itsm_postmortems.incident_id')
    .select(
      'itsm_postmortems.incident_id',
      'itsm_postmortems.status',
      'itsm_postmortems.created_at',
      'itsm_postmortems.updated_at',
      'itsm_incidents.number',
      'itsm_incidents.title',
      'itsm_incidents.entity_ref',
      'itsm_incidents.priority',
      'itsm_incidents.major',
      'itsm_incidents.commander_ref',
    );
  if (statuses?.length) {
    query.whereIn('itsm_postmortems.status', statuses);
  }
  if (restrict) {
    query.whereIn('itsm_postmortems.incident_id', sub => {
      sub.select('id').from('itsm_incidents');
      restrict(sub);
    });
  }
  afterCursor(query, {
    column: 'itsm_postmortems.updated_at',
    idColumn: 'itsm_postmortems.incident_id',
    cursor: options.after,
  });
  const rows: PostmortemListRow[] = await query.limit(limit + 1);
  return toPage(rows, {
    limit,
    keyOf: row => ({ key: Number(row.updated_at), id: row.incident_id }),
    map: row => ({
      incidentId: row.incident_id,
      incidentNumber: formatIncidentNumber(Number(row.number)),
      incidentTitle: row.title,
      entityRef: row.entity_ref,
      priority: Number(row.priority),
      major: Boolean(row.major),
      commanderRef: row.commander_ref,
      status: row.status as PostmortemListItem['status'],
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    }),
  });
}
