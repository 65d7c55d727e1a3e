import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { buildDemoData } from './buildDemoData';
import { buildChangeHistory, changeWeeks } from './changeHistory';

// SQLite before 3.32 allows at most 999 bound variables in one statement, so
// each chunk stays under that whatever the width of the table.
const MAX_VARIABLES = 999;
const MAX_CHUNK = 200;

async function insertInChunks(
  tx: Knex.Transaction,
  table: string,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const columns = Object.keys(rows[0]).length;
  const size = Math.min(MAX_CHUNK, Math.floor(MAX_VARIABLES / columns));
  for (let start = 0; start < rows.length; start += size) {
    await tx(table).insert(rows.slice(start, start + size));
  }
}

/**
 * Fills an empty ITSM database with a six-month demo history of incidents,
 * problems, postmortems, action items and change events on the demo catalog. Does nothing
 * when incidents exist already.
 */
export async function seedDemoData(options: {
  knex: Knex;
  logger: LoggerService;
}): Promise<void> {
  const { knex, logger } = options;
  const data = await knex.transaction(async tx => {
    if (await tx('itsm_incidents').first('id')) {
      return undefined;
    }
    const now = Date.now();
    const rows = buildDemoData({ now });
    await insertInChunks(tx, 'itsm_problems', rows.problems);
    await insertInChunks(tx, 'itsm_incidents', rows.incidents);
    await insertInChunks(tx, 'itsm_problem_entities', rows.problemEntities);
    await insertInChunks(tx, 'itsm_postmortems', rows.postmortems);
    await insertInChunks(tx, 'itsm_incident_entities', rows.incidentEntities);
    await insertInChunks(tx, 'itsm_action_items', rows.actionItems);
    await insertInChunks(tx, 'itsm_timeline', rows.timeline);
    // The change correlation task finds which deploys preceded incidents.
    const changes = buildChangeHistory({ now, incidents: rows.incidents });
    await insertInChunks(tx, 'itsm_changes', changes);
    await insertInChunks(tx, 'itsm_change_weeks', changeWeeks(changes));
    for (const [name, records] of [
      ['incident', rows.incidents],
      ['problem', rows.problems],
    ] as const) {
      await tx('itsm_sequences')
        .where({ name })
        .update({
          last_value: Math.max(...records.map(row => Number(row.number))),
        });
    }
    return { ...rows, changes };
  });
  if (!data) {
    logger.info(
      'ITSM demo data not seeded: the database already has incidents',
    );
    return;
  }
  logger.info(
    `Seeded ITSM demo data: ${data.incidents.length} incidents, ${data.problems.length} problems, ${data.postmortems.length} postmortems, ${data.actionItems.length} action items, ${data.changes.length} change events`,
  );
}
