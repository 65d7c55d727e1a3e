import { formatProblemNumber } from '@backstage-itsm/plugin-itsm-common';
import { IncidentRow, ProblemRow } from '../../database/tables';
import { NewTimelineEvent } from '../../database/timeline';

/**
 * The known error's workaround for an incident that has none, with the
 * mitigation time an incident's first workaround sets; nothing otherwise.
 */
export function workaroundCopy(options: {
  incident: IncidentRow;
  problem: Pick<ProblemRow, 'number' | 'workaround'>;
  actorRef: string;
  now: number;
}): { changes: Partial<IncidentRow>; events: NewTimelineEvent[] } {
  const { incident, problem, actorRef, now } = options;
  if (incident.workaround || !problem.workaround) {
    return { changes: {}, events: [] };
  }
  return {
    changes: {
      workaround: problem.workaround,
      mitigated_at: incident.mitigated_at ?? now,
      updated_at: now,
    },
    events: [
      {
        recordType: 'incident',
        recordId: incident.id,
        kind: 'field_changed',
        actorRef,
        field: 'workaround',
        oldValue: null,
        newValue: problem.workaround,
        body: `Workaround copied from known error ${formatProblemNumber(
          Number(problem.number),
        )}`,
      },
    ],
  };
}
