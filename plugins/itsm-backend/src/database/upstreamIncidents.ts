import {
  Incident,
  OPEN_INCIDENT_STATUSES,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { QueryRestriction, whereIncidentMatches } from './incidents';
import { incidentFromRow } from './mappers';
import { IncidentRow } from './tables';

// Keeps each statement under SQLite's oldest limit of 999 bound variables.
const REFS_PER_QUERY = 500;

/** Open incidents of the given priorities on any of the entities, that the restriction leaves. */
export async function listOpenIncidentsOnEntities(
  db: Knex,
  options: {
    entityRefs: string[];
    priorities: number[];
    restrict?: QueryRestriction;
    limit: number;
  },
): Promise<Incident[]> {
  const found: Incident[] = [];
  for (
    let start = 0;
    start < options.entityRefs.length && found.length < options.limit;
    start += REFS_PER_QUERY
  ) {
    const query = db<IncidentRow>('itsm_incidents')
      .select('*')
      .orderBy([
        { column: 'priority', order: 'asc' },
        { column: 'number', order: 'desc' },
      ])
      .limit(options.limit - found.length);
    whereIncidentMatches(db, query, {
      entityRefs: options.entityRefs.slice(start, start + REFS_PER_QUERY),
      statuses: [...OPEN_INCIDENT_STATUSES],
      priorities: options.priorities,
    });
    options.restrict?.(query);
    const rows: IncidentRow[] = await query;
    found.push(...rows.map(incidentFromRow));
  }
  return found;
}
