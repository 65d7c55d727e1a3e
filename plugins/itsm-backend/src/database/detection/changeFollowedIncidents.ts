import { Knex } from 'knex';
import { CandidateIncident } from './unlinkedIncidents';

/** A change that an unlinked incident followed within the interval. */
export interface FollowedChange {
  incident: CandidateIncident;
  change: {
    id: string;
    entityRef: string;
    ownerRef: string | null;
    summary: string;
    version: string | null;
    occurredAt: number;
  };
}

/**
 * Unlinked incidents created since `since`, not cancelled, with each change
 * (on their entity or a dependency) that happened at most `intervalMs`
 * before their detection, as the change correlation recorded it.
 */
export async function changeFollowedIncidents(
  db: Knex,
  options: { since: number; intervalMs: number },
): Promise<FollowedChange[]> {
  const rows = await db('itsm_change_incidents as ci')
    .join('itsm_incidents as i', 'i.id', 'ci.incident_id')
    .join('itsm_changes as c', 'c.id', 'ci.change_id')
    .whereNull('i.problem_id')
    .where('i.created_at', '>=', options.since)
    .whereNot('i.status', 'cancelled')
    .where('ci.gap_ms', '<=', options.intervalMs)
    .select(
      'i.id',
      'i.number',
      'i.title',
      'i.entity_ref',
      'i.owner_ref',
      'i.category',
      'i.impact',
      'i.urgency',
      'i.priority',
      'i.major',
      'i.created_at',
      'c.id as change_id',
      'c.entity_ref as change_entity_ref',
      'c.owner_ref as change_owner_ref',
      'c.summary as change_summary',
      'c.version as change_version',
      'c.occurred_at as change_at',
    );
  return rows.map(row => ({
    incident: {
      id: row.id,
      number: Number(row.number),
      title: row.title,
      entityRef: row.entity_ref,
      ownerRef: row.owner_ref,
      category: row.category,
      impact: Number(row.impact),
      urgency: Number(row.urgency),
      priority: Number(row.priority),
      major: Boolean(row.major),
      createdAt: Number(row.created_at),
    },
    change: {
      id: row.change_id,
      entityRef: row.change_entity_ref,
      ownerRef: row.change_owner_ref,
      summary: row.change_summary,
      version: row.change_version,
      occurredAt: Number(row.change_at),
    },
  }));
}
