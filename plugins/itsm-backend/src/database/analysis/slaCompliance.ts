import {
  Priority,
  SlaAnalysis,
  SLA_TARGETS,
  SlaShare,
  formatIncidentNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { SlaColumns } from '../slaTables';
import { IncidentRow } from '../tables';
import { toIso } from '../time';
import { AnalysisFilter, incidentsInWindow } from './analysisScope';
import {
  weekIndexSql,
  weekIndexesBetween,
  weekStartOfIndex,
} from './weekBuckets';

/** How many breaches the analysis lists. */
export const SLA_BREACH_LIST_SIZE = 20;

interface ShareRow {
  week: number | string;
  priority: number | string;
  respond_met: number | string;
  respond_breached: number | string;
  resolve_met: number | string;
  resolve_breached: number | string;
}

const count = (target: string, status: string) =>
  `SUM(CASE WHEN sla_${target}_status = '${status}' THEN 1 ELSE 0 END)`;

function share(met: number, breached: number): SlaShare {
  return {
    met,
    breached,
    share: met + breached > 0 ? met / (met + breached) : null,
  };
}

function add(
  into: { met: number; breached: number },
  met: number,
  breached: number,
) {
  into.met += met;
  into.breached += breached;
}

/**
 * SLA compliance of the incidents created in the window: clocks met and
 * breached per target, grouped by week and priority in one query (plain
 * CASE sums, alike on SQLite and PostgreSQL), and the latest breaches.
 * Clocks still counting in time are not decided and count in neither.
 */
export async function slaCompliance(
  db: Knex,
  filter: AnalysisFilter,
): Promise<SlaAnalysis> {
  const rows: ShareRow[] = await db
    .from(incidentsInWindow(db, filter).whereNotNull('sla_priority').as('i'))
    .groupByRaw(`${weekIndexSql('i.created_at')}, i.priority`)
    .select(
      db.raw(`${weekIndexSql('i.created_at')} AS week`),
      'i.priority',
      db.raw(`${count('respond', 'met')} AS respond_met`),
      db.raw(`${count('respond', 'breached')} AS respond_breached`),
      db.raw(`${count('resolve', 'met')} AS resolve_met`),
      db.raw(`${count('resolve', 'breached')} AS resolve_breached`),
    );
  const weeks = new Map<
    number,
    {
      respond: { met: number; breached: number };
      resolve: { met: number; breached: number };
    }
  >();
  for (const index of weekIndexesBetween(filter.from, filter.to)) {
    weeks.set(index, {
      respond: { met: 0, breached: 0 },
      resolve: { met: 0, breached: 0 },
    });
  }
  const priorities = new Map<
    number,
    typeof weeks extends Map<number, infer V> ? V : never
  >();
  for (const row of rows) {
    const priority = Number(row.priority);
    if (!priorities.has(priority)) {
      priorities.set(priority, {
        respond: { met: 0, breached: 0 },
        resolve: { met: 0, breached: 0 },
      });
    }
    for (const bucket of [
      weeks.get(Number(row.week)),
      priorities.get(priority),
    ]) {
      if (bucket) {
        add(
          bucket.respond,
          Number(row.respond_met),
          Number(row.respond_breached),
        );
        add(
          bucket.resolve,
          Number(row.resolve_met),
          Number(row.resolve_breached),
        );
      }
    }
  }
  const breaches = await incidentsInWindow(db, filter)
    .where(query =>
      query
        .where('sla_respond_status', 'breached')
        .orWhere('sla_resolve_status', 'breached'),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(SLA_BREACH_LIST_SIZE)
    .select(
      'number',
      'title',
      'priority',
      'entity_ref',
      'detected_at',
      'sla_respond_status',
      'sla_resolve_status',
    );
  return {
    byPriority: [...priorities.entries()]
      .sort(([a], [b]) => a - b)
      .map(([priority, bucket]) => ({
        priority: priority as Priority,
        respond: share(bucket.respond.met, bucket.respond.breached),
        resolve: share(bucket.resolve.met, bucket.resolve.breached),
      })),
    weekly: [...weeks.entries()].map(([index, bucket]) => ({
      weekStart: new Date(weekStartOfIndex(index)).toISOString(),
      respond: share(bucket.respond.met, bucket.respond.breached),
      resolve: share(bucket.resolve.met, bucket.resolve.breached),
    })),
    breaches: breaches.map((row: IncidentRow & SlaColumns) => ({
      number: formatIncidentNumber(Number(row.number)),
      title: row.title,
      priority: Number(row.priority) as Priority,
      entityRef: row.entity_ref,
      targets: SLA_TARGETS.filter(
        target => row[`sla_${target}_status`] === 'breached',
      ),
      detectedAt: toIso(row.detected_at),
    })),
  };
}
