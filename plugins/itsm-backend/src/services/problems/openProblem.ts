import { Problem } from '@backstage-itsm/plugin-itsm-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { NewProblemFields, newProblemRow } from '../../database/newProblemRow';
import { insertProblemRow } from '../../database/problems';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import { takeNextNumber } from '../../database/sequences';
import { IncidentRow } from '../../database/tables';
import { appendTimeline } from '../../database/timeline';
import { problemKind } from '../../shared/recordKinds';
import { linkIncidentInTransaction } from './linkIncident';

/**
 * Opens a problem with the next number and its `created` event in the
 * caller's transaction; `link` links an incident to it in the same one.
 */
export async function openProblem(
  tx: Knex.Transaction,
  options: {
    fields: Omit<
      NewProblemFields,
      'id' | 'number' | 'reporter_ref' | 'created_at'
    >;
    affectedEntityRefs: string[];
    link?: { incident: IncidentRow; holdIncident: boolean };
    actorRef: string;
    now: number;
  },
): Promise<Problem> {
  const { link, actorRef, now } = options;
  const row = newProblemRow({
    ...options.fields,
    id: randomUUID(),
    number: await takeNextNumber(tx, 'problem'),
    reporter_ref: actorRef,
    created_at: now,
  });
  await insertProblemRow(tx, row);
  await appendTimeline(tx, {
    events: [
      {
        recordType: 'problem',
        recordId: row.id,
        kind: 'created',
        actorRef,
        body: row.title,
      },
    ],
    now,
  });
  if (link) {
    await linkIncidentInTransaction(tx, {
      problem: row,
      incident: link.incident,
      holdIncident: link.holdIncident,
      actorRef,
      now,
    });
  }
  await refreshAffectedEntities(tx, {
    problemId: row.id,
    explicitEntityRefs: options.affectedEntityRefs,
  });
  return problemKind.toRecord(tx, row);
}
