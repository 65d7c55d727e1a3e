import {
  OPEN_INCIDENT_STATUSES,
  formatIncidentNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { toIso } from '../time';

/** An open incident as the status page lists it. */
export interface OpenStatusIncident {
  number: string;
  title: string;
  priority: number;
  status: string;
  entityRef: string;
  /** The other entities it affects. */
  alsoAffects: string[];
}

type WorstRow = { entity_ref: string; worst: number | string };

/**
 * The worst (lowest) priority of the open incidents of each entity, on it
 * or affecting it besides their own entity, aggregated in SQL.
 */
export async function worstOpenPriorityByEntity(
  db: Knex,
): Promise<Map<string, number>> {
  const [primary, affected] = (await Promise.all([
    db('itsm_incidents')
      .select('entity_ref')
      .min({ worst: 'priority' })
      .whereIn('status', OPEN_INCIDENT_STATUSES)
      .groupBy('entity_ref'),
    db('itsm_incident_entities as ie')
      .join('itsm_incidents as i', 'i.id', 'ie.incident_id')
      .select('ie.entity_ref')
      .min({ worst: 'i.priority' })
      .whereIn('i.status', OPEN_INCIDENT_STATUSES)
      .groupBy('ie.entity_ref'),
  ])) as [WorstRow[], WorstRow[]];
  const worst = new Map<string, number>();
  for (const row of [...primary, ...affected]) {
    const priority = Number(row.worst);
    worst.set(
      row.entity_ref,
      Math.min(priority, worst.get(row.entity_ref) ?? priority),
    );
  }
  return worst;
}

async function alsoAffectedBy(
  db: Knex,
  incidentIds: string[],
): Promise<Map<string, string[]>> {
  const byIncident = new Map<string, string[]>();
  if (incidentIds.length === 0) {
    return byIncident;
  }
  const rows: { incident_id: string; entity_ref: string }[] = await db(
    'itsm_incident_entities',
  )
    .select('incident_id', 'entity_ref')
    .whereIn('incident_id', incidentIds)
    .orderBy('entity_ref');
  for (const row of rows) {
    byIncident.set(row.incident_id, [
      ...(byIncident.get(row.incident_id) ?? []),
      row.entity_ref,
    ]);
  }
  return byIncident;
}

/** Open incidents, most urgent first, at most `limit`. */
export async function listOpenStatusIncidents(
  db: Knex,
  options: { limit: number },
): Promise<OpenStatusIncident[]> {
  const rows = await db('itsm_incidents')
    .select('id', 'number', 'title', 'priority', 'status', 'entity_ref')
    .whereIn('status', OPEN_INCIDENT_STATUSES)
    .orderBy([
      { column: 'priority', order: 'asc' },
      { column: 'number', order: 'desc' },
    ])
    .limit(options.limit);
  const affected = await alsoAffectedBy(
    db,
    rows.map(row => row.id),
  );
  return rows.map(row => ({
    alsoAffects: affected.get(row.id) ?? [],
    number: formatIncidentNumber(Number(row.number)),
    title: row.title,
    priority: Number(row.priority),
    status: row.status,
    entityRef: row.entity_ref,
  }));
}

/**
 * The latest public status updates of open incidents, newest first. Only
 * `status_update` events: internal notes are another kind and never read here.
 */
export async function listPublicUpdatesOfOpenIncidents(
  db: Knex,
  options: { limit: number },
) {
  const rows = await db('itsm_timeline as t')
    .join('itsm_incidents as i', 'i.id', 't.record_id')
    .select('i.number', 'i.entity_ref', 't.body', 't.created_at')
    .where('t.record_type', 'incident')
    .where('t.kind', 'status_update')
    .whereIn('i.status', OPEN_INCIDENT_STATUSES)
    .orderBy('t.id', 'desc')
    .limit(options.limit);
  return rows.map(row => ({
    incidentNumber: formatIncidentNumber(Number(row.number)),
    entityRef: row.entity_ref as string,
    body: (row.body ?? '') as string,
    createdAt: toIso(row.created_at),
  }));
}

/** Incidents resolved since `since` and not reopened, latest first. */
export async function listResolvedIncidentsSince(
  db: Knex,
  options: { since: number; limit: number },
) {
  const rows = await db('itsm_incidents')
    .select('number', 'title', 'entity_ref', 'priority', 'resolved_at')
    .whereIn('status', ['resolved', 'closed'])
    .where('resolved_at', '>=', options.since)
    .orderBy('resolved_at', 'desc')
    .limit(options.limit);
  return rows.map(row => ({
    number: formatIncidentNumber(Number(row.number)),
    title: row.title as string,
    entityRef: row.entity_ref as string,
    priority: Number(row.priority),
    resolvedAt: toIso(row.resolved_at),
  }));
}
