import {
  INCIDENT_TRANSITIONS,
  IncidentTransitionFields,
  allowedIncidentTransitions,
  checkIncidentTransition,
  isOpenIncidentStatus,
  isTerminalIncidentStatus,
} from './incidentLifecycle';
import {
  HOLD_REASONS,
  HoldReason,
  INCIDENT_RESOLUTION_CODES,
  INCIDENT_STATUSES,
  IncidentResolutionCode,
  IncidentStatus,
} from './types';

// Written out from DESIGN.md rather than read from INCIDENT_TRANSITIONS, so the
// test catches a wrong map.
const expectedAllowed: Record<IncidentStatus, IncidentStatus[]> = {
  new: ['in_progress', 'on_hold', 'resolved', 'cancelled'],
  in_progress: ['on_hold', 'resolved', 'cancelled'],
  on_hold: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

const completeFields: IncidentTransitionFields = {
  holdReason: 'awaiting_vendor',
  resolutionCode: 'workaround',
  resolutionNotes: 'Restarted the pods.',
};

const allPairs = INCIDENT_STATUSES.flatMap(from =>
  INCIDENT_STATUSES.map(to => [from, to] as [IncidentStatus, IncidentStatus]),
);
const allowedPairs = allPairs.filter(([from, to]) =>
  expectedAllowed[from].includes(to),
);
const forbiddenPairs = allPairs.filter(
  ([from, to]) => !expectedAllowed[from].includes(to),
);

describe('INCIDENT_TRANSITIONS', () => {
  it('matches the design', () => {
    expect(INCIDENT_TRANSITIONS).toEqual(expectedAllowed);
  });

  it.each(INCIDENT_STATUSES)('lists the moves out of %s', status => {
    expect(allowedIncidentTransitions(status)).toEqual(expectedAllowed[status]);
  });

  it('allows nothing from an unknown status', () => {
    expect(allowedIncidentTransitions('toString' as IncidentStatus)).toEqual(
      [],
    );
  });
});

describe('isOpenIncidentStatus and isTerminalIncidentStatus', () => {
  it.each<[IncidentStatus, boolean, boolean]>([
    ['new', true, false],
    ['in_progress', true, false],
    ['on_hold', true, false],
    ['resolved', false, false],
    ['closed', false, true],
    ['cancelled', false, true],
  ])('%s: open %p, terminal %p', (status, open, terminal) => {
    expect(isOpenIncidentStatus(status)).toBe(open);
    expect(isTerminalIncidentStatus(status)).toBe(terminal);
  });
});

describe('checkIncidentTransition', () => {
  it.each(allowedPairs)('allows %s -> %s', (from, to) => {
    expect(
      checkIncidentTransition({ from, to, fields: completeFields }),
    ).toEqual({ ok: true });
  });

  it.each(forbiddenPairs)('forbids %s -> %s', (from, to) => {
    const allowed = expectedAllowed[from];
    expect(
      checkIncidentTransition({ from, to, fields: completeFields }),
    ).toEqual({
      ok: false,
      reason: `cannot move incident from '${from}' to '${to}'; allowed: ${
        allowed.length ? allowed.join(', ') : 'none'
      }`,
      allowed,
    });
  });

  it('names the allowed moves in the message', () => {
    expect(
      checkIncidentTransition({ from: 'closed', to: 'in_progress' }),
    ).toMatchObject({
      ok: false,
      reason:
        "cannot move incident from 'closed' to 'in_progress'; allowed: none",
    });
    expect(
      checkIncidentTransition({ from: 'new', to: 'closed' }),
    ).toMatchObject({
      ok: false,
      reason:
        "cannot move incident from 'new' to 'closed'; allowed: in_progress, on_hold, resolved, cancelled",
    });
  });

  it('checks legality before fields', () => {
    const result = checkIncidentTransition({
      from: 'cancelled',
      to: 'on_hold',
      fields: {},
    });
    expect(result).toMatchObject({ ok: false, allowed: [] });
    expect(result).not.toHaveProperty('field');
  });

  describe('to on_hold', () => {
    it.each<IncidentStatus>(['new', 'in_progress'])(
      'requires holdReason from %s',
      from => {
        for (const holdReason of [undefined, null]) {
          expect(
            checkIncidentTransition({
              from,
              to: 'on_hold',
              fields: { holdReason },
            }),
          ).toEqual({
            ok: false,
            field: 'holdReason',
            reason:
              'holdReason is required to put an incident on hold; use one of awaiting_problem, awaiting_change, awaiting_vendor, awaiting_caller',
            allowed: expectedAllowed[from],
          });
        }
      },
    );

    it('rejects an unknown holdReason', () => {
      expect(
        checkIncidentTransition({
          from: 'new',
          to: 'on_hold',
          fields: { holdReason: 'awaiting_godot' as HoldReason },
        }),
      ).toMatchObject({ ok: false, field: 'holdReason' });
    });

    it.each(HOLD_REASONS)('accepts holdReason %s', holdReason => {
      expect(
        checkIncidentTransition({
          from: 'in_progress',
          to: 'on_hold',
          fields: { holdReason },
        }),
      ).toEqual({ ok: true });
    });

    it('holds awaiting a problem only when one is linked', () => {
      const hold = (hasLinkedProblem: boolean) =>
        checkIncidentTransition({
          from: 'new',
          to: 'on_hold',
          fields: { holdReason: 'awaiting_problem', hasLinkedProblem },
        });
      expect(hold(false)).toEqual({
        ok: false,
        field: 'holdReason',
        reason:
          "holdReason 'awaiting_problem' needs a linked problem; link the incident to a problem first",
        allowed: expectedAllowed.new,
      });
      expect(hold(true)).toEqual({ ok: true });
      expect(
        checkIncidentTransition({
          from: 'new',
          to: 'on_hold',
          fields: { holdReason: 'awaiting_vendor', hasLinkedProblem: false },
        }),
      ).toEqual({ ok: true });
    });
  });

  describe('to resolved', () => {
    const from: IncidentStatus = 'in_progress';

    it('requires resolutionCode', () => {
      for (const resolutionCode of [undefined, null]) {
        expect(
          checkIncidentTransition({
            from,
            to: 'resolved',
            fields: { resolutionCode, resolutionNotes: 'Fixed.' },
          }),
        ).toEqual({
          ok: false,
          field: 'resolutionCode',
          reason:
            'resolutionCode is required to resolve an incident; use one of workaround, permanent_fix, known_error, duplicate, not_reproducible, resolved_by_caller',
          allowed: expectedAllowed[from],
        });
      }
    });

    it('rejects an unknown resolutionCode', () => {
      expect(
        checkIncidentTransition({
          from,
          to: 'resolved',
          fields: {
            resolutionCode: 'fixed' as IncidentResolutionCode,
            resolutionNotes: 'Fixed.',
          },
        }),
      ).toMatchObject({ ok: false, field: 'resolutionCode' });
    });

    it.each([undefined, null, '', '   \n'])(
      'requires non-empty resolutionNotes, not %p',
      resolutionNotes => {
        expect(
          checkIncidentTransition({
            from,
            to: 'resolved',
            fields: { resolutionCode: 'workaround', resolutionNotes },
          }),
        ).toEqual({
          ok: false,
          field: 'resolutionNotes',
          reason: 'resolutionNotes is required to resolve an incident',
          allowed: expectedAllowed[from],
        });
      },
    );

    it.each(INCIDENT_RESOLUTION_CODES.filter(code => code !== 'known_error'))(
      'accepts resolutionCode %s with notes',
      resolutionCode => {
        expect(
          checkIncidentTransition({
            from,
            to: 'resolved',
            fields: { resolutionCode, resolutionNotes: 'Done.' },
          }),
        ).toEqual({ ok: true });
      },
    );

    it.each([undefined, false])(
      "requires a known-error problem for 'known_error' (linked: %p)",
      linkedProblemIsKnownError => {
        expect(
          checkIncidentTransition({
            from,
            to: 'resolved',
            fields: {
              resolutionCode: 'known_error',
              resolutionNotes: 'Applied the KEDB workaround.',
              linkedProblemIsKnownError,
            },
          }),
        ).toEqual({
          ok: false,
          field: 'resolutionCode',
          reason:
            "resolutionCode 'known_error' requires a linked problem that is a known error",
          allowed: expectedAllowed[from],
        });
      },
    );

    it("accepts 'known_error' when the linked problem is a known error", () => {
      expect(
        checkIncidentTransition({
          from: 'on_hold',
          to: 'resolved',
          fields: {
            resolutionCode: 'known_error',
            resolutionNotes: 'Applied the KEDB workaround.',
            linkedProblemIsKnownError: true,
          },
        }),
      ).toEqual({ ok: true });
    });

    it('applies the same rules from every status that may resolve', () => {
      for (const status of ['new', 'in_progress', 'on_hold'] as const) {
        expect(
          checkIncidentTransition({ from: status, to: 'resolved' }),
        ).toMatchObject({ ok: false, field: 'resolutionCode' });
      }
    });
  });

  it.each<[IncidentStatus, IncidentStatus]>([
    ['new', 'in_progress'],
    ['new', 'cancelled'],
    ['on_hold', 'in_progress'],
    ['in_progress', 'cancelled'],
    ['resolved', 'closed'],
    ['resolved', 'in_progress'],
  ])('needs no fields for %s -> %s', (from, to) => {
    expect(checkIncidentTransition({ from, to })).toEqual({ ok: true });
  });
});
