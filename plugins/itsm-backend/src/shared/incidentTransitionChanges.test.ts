import { IncidentStatus } from '@backstage-itsm/plugin-itsm-common';
import { IncidentRow } from '../database/tables';
import { incidentTransitionChanges } from './incidentTransitionChanges';

const NOW = 1_800_000_000_000;
const EARLIER = NOW - 60_000;

function row(status: IncidentStatus, acknowledgedAt: number | null) {
  return {
    status,
    acknowledged_at: acknowledgedAt,
  } as IncidentRow;
}

describe('incidentTransitionChanges', () => {
  it.each(['in_progress', 'on_hold', 'resolved', 'cancelled'] as const)(
    'sets acknowledged_at on the first move out of new, to %s',
    to => {
      const changes = incidentTransitionChanges({
        row: row('new', null),
        to,
        holdReason: 'awaiting_problem',
        resolutionCode: 'workaround',
        resolutionNotes: 'Restarted',
        now: NOW,
      });
      expect(changes.acknowledged_at).toBe(NOW);
    },
  );

  it.each([
    ['in_progress', 'on_hold'],
    ['on_hold', 'in_progress'],
    ['resolved', 'in_progress'],
  ] as const)('leaves acknowledged_at alone on a move from %s', (from, to) => {
    for (const acknowledgedAt of [EARLIER, null]) {
      const changes = incidentTransitionChanges({
        row: row(from, acknowledgedAt),
        to,
        holdReason: 'awaiting_problem',
        now: NOW,
      });
      expect(changes).not.toHaveProperty('acknowledged_at');
    }
  });

  it('puts an incident on hold with its reason and clears the reason on the way out', () => {
    expect(
      incidentTransitionChanges({
        row: row('new', null),
        to: 'on_hold',
        holdReason: 'awaiting_problem',
        now: NOW,
      }),
    ).toEqual({
      status: 'on_hold',
      hold_reason: 'awaiting_problem',
      updated_at: NOW,
      acknowledged_at: NOW,
    });
    expect(
      incidentTransitionChanges({
        row: row('on_hold', EARLIER),
        to: 'in_progress',
        now: NOW,
      }),
    ).toEqual({ status: 'in_progress', hold_reason: null, updated_at: NOW });
  });
});
