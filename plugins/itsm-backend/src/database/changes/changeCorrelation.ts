import { Knex } from 'knex';
import { ChangeIncidentRow } from './changeRows';
import { addToChangeWeek } from './changeWeeks';

/** An incident whose preceding changes are still to be recorded. */
export interface IncidentToCorrelate {
  id: string;
  entityRef: string;
  detectedAt: number;
}

/**
 * Incidents created in `[since, before)` whose changes were not recorded
 * yet, oldest first. `before` leaves late changes of a deploy time to arrive.
 */
export async function incidentsToCorrelate(
  db: Knex,
  options: { since: number; before: number; limit: number },
): Promise<IncidentToCorrelate[]> {
  const rows: { id: string; entity_ref: string; detected_at: string }[] =
    await db('itsm_incidents as i')
      .leftJoin('itsm_change_correlated as c', 'c.incident_id', 'i.id')
      .whereNull('c.incident_id')
      .where('i.created_at', '>=', options.since)
      .where('i.created_at', '<', options.before)
      .orderBy([
        { column: 'i.created_at', order: 'asc' },
        { column: 'i.id', order: 'asc' },
      ])
      .limit(options.limit)
      .select('i.id', 'i.entity_ref', 'i.detected_at');
  return rows.map(row => ({
    id: row.id,
    entityRef: row.entity_ref,
    detectedAt: Number(row.detected_at),
  }));
}

/**
 * Records the changes that preceded an incident and marks it correlated, in
 * one transaction; a second run for the same incident adds nothing. Deploys
 * within `failureWindowMs` of the incident become failed deploys, counted
 * once each in their entity's week.
 */
export async function recordCorrelation(
  db: Knex,
  options: {
    incidentId: string;
    rows: ChangeIncidentRow[];
    failureWindowMs: number;
    now: number;
  },
): Promise<void> {
  await db.transaction(async tx => {
    const done = await tx('itsm_change_correlated')
      .where('incident_id', options.incidentId)
      .first();
    if (done) {
      return;
    }
    await tx('itsm_change_correlated').insert({
      incident_id: options.incidentId,
      correlated_at: options.now,
    });
    for (let at = 0; at < options.rows.length; at += 200) {
      await tx('itsm_change_incidents')
        .insert(options.rows.slice(at, at + 200))
        .onConflict(['change_id', 'incident_id'])
        .ignore();
    }
    const failed = options.rows.filter(
      row =>
        row.change_kind === 'deploy' &&
        Number(row.gap_ms) <= options.failureWindowMs,
    );
    for (const row of failed) {
      const marked = await tx('itsm_changes')
        .where('id', row.change_id)
        .whereNull('failed_at')
        .update({ failed_at: options.now });
      if (Number(marked) === 1) {
        await addToChangeWeek(tx, {
          entityRef: row.change_entity_ref,
          occurredAt: Number(row.change_at),
          deploys: 0,
          failedDeploys: 1,
        });
      }
    }
  });
}

/** Correlation rows of some incidents with their changes, newest change first. */
export async function changesBeforeIncidents(
  db: Knex,
  incidentIds: string[],
): Promise<ChangeIncidentRow[]> {
  if (incidentIds.length === 0) {
    return [];
  }
  return db<ChangeIncidentRow>('itsm_change_incidents')
    .whereIn('incident_id', incidentIds)
    .orderBy([
      { column: 'change_at', order: 'desc' },
      { column: 'change_id', order: 'desc' },
    ]);
}
