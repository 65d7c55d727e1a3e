import { Knex } from 'knex';
import { SlaColumns, SlaPauseRow } from './slaTables';
import { IncidentRow } from './tables';

/** An incident row with its SLA columns. */
export type IncidentSlaRow = IncidentRow & SlaColumns;

/** Loads an incident row with its SLA columns. */
export async function getIncidentSlaRow(
  db: Knex,
  id: string,
): Promise<IncidentSlaRow | undefined> {
  return db('itsm_incidents').where({ id }).first();
}

/** The spans an incident spent on hold or resolved, oldest first. */
export async function listSlaPauses(
  db: Knex,
  incidentId: string,
): Promise<SlaPauseRow[]> {
  return db('itsm_sla_pauses')
    .where({ incident_id: incidentId })
    .orderBy('started_at')
    .orderBy('id');
}

/**
 * Ends the open pause when the reason changed or is gone, and opens one for
 * the current reason unless it is already open.
 */
export async function syncSlaPause(
  tx: Knex.Transaction,
  options: { incidentId: string; reason: string | null; now: number },
): Promise<void> {
  const { incidentId, reason, now } = options;
  const open: SlaPauseRow | undefined = await tx('itsm_sla_pauses')
    .where({ incident_id: incidentId })
    .whereNull('ended_at')
    .first();
  if (open && open.reason === reason) {
    return;
  }
  if (open) {
    await tx('itsm_sla_pauses')
      .where({ id: open.id })
      .update({ ended_at: Math.max(now, Number(open.started_at)) });
  }
  if (reason !== null) {
    await tx('itsm_sla_pauses').insert({
      incident_id: incidentId,
      reason,
      started_at: now,
      ended_at: null,
    });
  }
}

/**
 * Writes new SLA columns if the ones compared still hold what was read;
 * false when another transaction changed them first.
 */
export async function writeSlaColumns(
  tx: Knex.Transaction,
  options: {
    incidentId: string;
    expected: Partial<SlaColumns>;
    changes: Partial<SlaColumns>;
  },
): Promise<boolean> {
  const query = tx('itsm_incidents').where({ id: options.incidentId });
  for (const [column, value] of Object.entries(options.expected)) {
    if (value === null || value === undefined) {
      query.whereNull(column);
    } else {
      query.where(column, value);
    }
  }
  return (await query.update(options.changes)) === 1;
}

/**
 * Ids of incidents whose clocks need a look at `now`: a warning or a due time
 * reached, or clocks never computed; oldest check first.
 */
export async function incidentsDueForSlaCheck(
  db: Knex,
  options: { now: number; limit: number },
): Promise<string[]> {
  const reached = await db('itsm_incidents')
    .where('sla_next_check_at', '<=', options.now)
    .orderBy('sla_next_check_at')
    .limit(options.limit)
    .select('id');
  const left = options.limit - reached.length;
  const never =
    left > 0
      ? await db('itsm_incidents')
          .whereNull('sla_priority')
          .limit(left)
          .select('id')
      : [];
  return [...reached, ...never].map(row => row.id);
}
