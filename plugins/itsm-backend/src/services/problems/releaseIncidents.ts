import { LIMITS } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { unlinkAllIncidentsFromProblem } from '../../database/problemLinks';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import { ProblemRow } from '../../database/tables';
import { appendTimeline } from '../../database/timeline';
import { linkEvents } from '../../shared/linkEvents';

/**
 * Unlinks every incident of a problem in the caller's transaction, with an
 * `unlinked` row on the problem and on each incident saying why, so the
 * incidents are free to be linked to the right problem.
 */
export async function releaseIncidents(
  tx: Knex.Transaction,
  options: {
    problem: Pick<ProblemRow, 'id' | 'number'>;
    why: string;
    actorRef: string;
    now: number;
  },
): Promise<void> {
  const { problem, actorRef, now } = options;
  const released = await unlinkAllIncidentsFromProblem(tx, {
    problemId: problem.id,
    now,
  });
  const why = options.why.slice(0, LIMITS.short);
  await appendTimeline(tx, {
    events: released.flatMap(incident =>
      linkEvents({ kind: 'unlinked', problem, incident, actorRef, why }),
    ),
    now,
  });
  await refreshAffectedEntities(tx, { problemId: problem.id });
}
