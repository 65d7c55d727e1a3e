import { Knex } from 'knex';
import { IncidentEntityRow } from './tables';

/** The entities an incident affects besides its primary entity, by ref. */
export async function listIncidentEntityRefs(
  db: Knex,
  incidentId: string,
): Promise<string[]> {
  const rows: Pick<IncidentEntityRow, 'entity_ref'>[] = await db(
    'itsm_incident_entities',
  )
    .where({ incident_id: incidentId })
    .select('entity_ref')
    .orderBy('entity_ref');
  return rows.map(row => row.entity_ref);
}

/** Adds and removes affected entities of an incident within the caller's transaction. */
export async function changeIncidentEntities(
  tx: Knex.Transaction,
  options: {
    incidentId: string;
    added: string[];
    removed: string[];
    now: number;
  },
): Promise<void> {
  const { incidentId, added, removed, now } = options;
  if (removed.length > 0) {
    await tx('itsm_incident_entities')
      .where({ incident_id: incidentId })
      .whereIn('entity_ref', removed)
      .delete();
  }
  if (added.length > 0) {
    await tx<IncidentEntityRow>('itsm_incident_entities').insert(
      added.map(entityRef => ({
        incident_id: incidentId,
        entity_ref: entityRef,
        added_at: now,
      })),
    );
  }
}

/**
 * The subquery of the ids of incidents that affect one of the entities
 * besides their primary entity; served by the index on `entity_ref`.
 */
export function incidentsAlsoAffecting(
  entityRefs: string[],
): Knex.QueryCallback {
  return sub => {
    sub
      .select('incident_id')
      .from('itsm_incident_entities')
      .whereIn('entity_ref', entityRefs);
  };
}

/**
 * Keeps incidents whose primary entity is one of the refs, or that affect
 * one of them besides it; `column` qualifies the incident columns in a join.
 */
export function whereIncidentAffects(
  query: Knex.QueryBuilder,
  options: { entityRefs: string[]; table?: string },
): void {
  const qualified = (column: string) =>
    options.table ? `${options.table}.${column}` : column;
  query.where(inner =>
    inner
      .whereIn(qualified('entity_ref'), options.entityRefs)
      .orWhereIn(qualified('id'), incidentsAlsoAffecting(options.entityRefs)),
  );
}
