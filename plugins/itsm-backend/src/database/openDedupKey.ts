import { OPEN_INCIDENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';

/** The value of `open_dedup_key` for an alert while its record is open. */
export function openDedupKeyOf(source: string, dedupKey: string): string {
  return `${source}:${dedupKey}`;
}

/**
 * Gives open incidents that came from alerts their `open_dedup_key`, for rows
 * written without it (the demo history). The newest incident of a key wins.
 */
export async function claimOpenDedupKeys(tx: Knex.Transaction): Promise<void> {
  const statuses = [...OPEN_INCIDENT_STATUSES];
  const marks = statuses.map(() => '?').join(', ');
  await tx('itsm_incidents as i')
    .whereNotNull('i.dedup_key')
    .whereNull('i.open_dedup_key')
    .whereIn('i.status', statuses)
    .whereRaw(
      `i.id = (select newest.id from itsm_incidents as newest
        where newest.source = i.source and newest.dedup_key = i.dedup_key
          and newest.status in (${marks})
        order by newest.created_at desc, newest.id desc limit 1)`,
      statuses,
    )
    .update({ open_dedup_key: tx.raw(`i.source || ':' || i.dedup_key`) });
}
