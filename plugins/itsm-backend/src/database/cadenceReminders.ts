import { Knex } from 'knex';

/** An open P1 incident and since when it has had no public update. */
export interface SilentIncident {
  id: string;
  number: number;
  title: string;
  entityRef: string;
  ownerRef: string | null;
  assigneeRef: string | null;
  silenceSince: number;
}

const OPEN = ['new', 'in_progress', 'on_hold'];

/**
 * Open P1 incidents whose last public update (or opening, when they have
 * none) is older than `silentSince`.
 */
export async function listSilentP1Incidents(
  db: Knex,
  options: { silentSince: number },
): Promise<SilentIncident[]> {
  const lastUpdates = db('itsm_timeline')
    .select('record_id')
    .max({ last_update: 'created_at' })
    .where({ record_type: 'incident', kind: 'status_update' })
    .groupBy('record_id')
    .as('u');
  const rows = await db('itsm_incidents as i')
    .leftJoin(lastUpdates, 'u.record_id', 'i.id')
    .select(
      'i.id',
      'i.number',
      'i.title',
      'i.entity_ref',
      'i.owner_ref',
      'i.assignee_ref',
      'i.created_at',
      'u.last_update',
    )
    .where('i.priority', 1)
    .whereIn('i.status', OPEN);
  return rows
    .map(row => ({
      id: row.id,
      number: Number(row.number),
      title: row.title,
      entityRef: row.entity_ref,
      ownerRef: row.owner_ref,
      assigneeRef: row.assignee_ref,
      silenceSince: Math.max(
        Number(row.created_at),
        row.last_update === null ? 0 : Number(row.last_update),
      ),
    }))
    .filter(incident => incident.silenceSince < options.silentSince);
}

/**
 * Records that the silence starting at `silenceSince` was reminded of;
 * false when it already was, so each silence is reminded of once.
 */
export async function claimCadenceReminder(
  db: Knex,
  options: { incidentId: string; silenceSince: number; now: number },
): Promise<boolean> {
  const { incidentId, silenceSince, now } = options;
  return db.transaction(async tx => {
    const updated = await tx('itsm_cadence_reminders')
      .where({ incident_id: incidentId })
      .whereNot({ silence_since: silenceSince })
      .update({ silence_since: silenceSince, reminded_at: now });
    if (updated > 0) {
      return true;
    }
    const inserted = await tx('itsm_cadence_reminders')
      .insert({
        incident_id: incidentId,
        silence_since: silenceSince,
        reminded_at: now,
      })
      .onConflict('incident_id')
      .ignore()
      .returning('incident_id');
    return inserted.length > 0;
  });
}

/** Forgets a reminder that could not be sent, so the next run tries again. */
export async function releaseCadenceReminder(
  db: Knex,
  options: { incidentId: string; silenceSince: number },
): Promise<void> {
  await db('itsm_cadence_reminders')
    .where({
      incident_id: options.incidentId,
      silence_since: options.silenceSince,
    })
    .delete();
}
