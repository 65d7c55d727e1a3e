import {
  OPEN_PROBLEM_STATUSES,
  PROBLEM_TRANSITIONS,
  ProblemTransitionFields,
  allowedProblemTransitions,
  canPublishKnownError,
  checkProblemTransition,
  isOpenProblemStatus,
  isProblemProposal,
} from './problemLifecycle';
import {
  PROBLEM_STATUSES,
  ProblemResolutionCode,
  ProblemStatus,
} from './problemTypes';

// Written out from DESIGN.md rather than read from PROBLEM_TRANSITIONS, so the
// test catches a wrong map.
const expectedAllowed: Record<ProblemStatus, ProblemStatus[]> = {
  new: ['assess', 'closed'],
  assess: ['root_cause_analysis', 'closed'],
  root_cause_analysis: ['fix_in_progress', 'closed'],
  fix_in_progress: ['resolved', 'closed'],
  resolved: ['closed', 'root_cause_analysis'],
  closed: [],
};

const openStatuses: ProblemStatus[] = [
  'new',
  'assess',
  'root_cause_analysis',
  'fix_in_progress',
];

function fieldsFor(from: ProblemStatus, to: ProblemStatus) {
  if (to === 'resolved') {
    return { resolutionCode: 'fix_applied', permanentFix: 'Raised pool size.' };
  }
  if (to === 'closed' && from !== 'resolved') {
    return { resolutionCode: 'risk_accepted' };
  }
  return {};
}

const allPairs = PROBLEM_STATUSES.flatMap(from =>
  PROBLEM_STATUSES.map(to => [from, to] as [ProblemStatus, ProblemStatus]),
);
const allowedPairs = allPairs.filter(([from, to]) =>
  expectedAllowed[from].includes(to),
);
const forbiddenPairs = allPairs.filter(
  ([from, to]) => !expectedAllowed[from].includes(to),
);

describe('PROBLEM_TRANSITIONS', () => {
  it('matches the design', () => {
    expect(PROBLEM_TRANSITIONS).toEqual(expectedAllowed);
  });

  it.each(PROBLEM_STATUSES)('lists the moves out of %s', status => {
    expect(allowedProblemTransitions(status)).toEqual(expectedAllowed[status]);
  });

  it('allows nothing from an unknown status', () => {
    expect(allowedProblemTransitions('constructor' as ProblemStatus)).toEqual(
      [],
    );
  });
});

describe('isOpenProblemStatus', () => {
  it.each(PROBLEM_STATUSES)('classifies %s', status => {
    expect(isOpenProblemStatus(status)).toBe(openStatuses.includes(status));
  });

  it('lists the open statuses', () => {
    expect(OPEN_PROBLEM_STATUSES).toEqual(openStatuses);
  });
});

describe('checkProblemTransition', () => {
  it.each(allowedPairs)('allows %s -> %s', (from, to) => {
    expect(
      checkProblemTransition({
        from,
        to,
        fields: fieldsFor(from, to) as ProblemTransitionFields,
      }),
    ).toEqual({ ok: true });
  });

  it.each(forbiddenPairs)('forbids %s -> %s', (from, to) => {
    const allowed = expectedAllowed[from];
    expect(
      checkProblemTransition({
        from,
        to,
        fields: {
          resolutionCode: 'fix_applied',
          permanentFix: 'Fix.',
          duplicateOf: 'p-1',
        },
      }),
    ).toEqual({
      ok: false,
      reason: `cannot move problem from '${from}' to '${to}'; allowed: ${
        allowed.length ? allowed.join(', ') : 'none'
      }`,
      allowed,
    });
  });

  it('names the allowed moves in the message', () => {
    expect(
      checkProblemTransition({ from: 'new', to: 'root_cause_analysis' }),
    ).toMatchObject({
      reason:
        "cannot move problem from 'new' to 'root_cause_analysis'; allowed: assess, closed",
    });
    expect(
      checkProblemTransition({ from: 'closed', to: 'resolved' }),
    ).toMatchObject({
      reason: "cannot move problem from 'closed' to 'resolved'; allowed: none",
    });
  });

  describe('to resolved', () => {
    const from: ProblemStatus = 'fix_in_progress';

    it.each<ProblemResolutionCode | null | undefined>([
      undefined,
      null,
      'risk_accepted',
      'duplicate',
      'cancelled',
    ])("requires resolutionCode 'fix_applied', not %p", resolutionCode => {
      expect(
        checkProblemTransition({
          from,
          to: 'resolved',
          fields: { resolutionCode, permanentFix: 'Fix.' },
        }),
      ).toEqual({
        ok: false,
        field: 'resolutionCode',
        reason: "resolutionCode 'fix_applied' is required to resolve a problem",
        allowed: expectedAllowed[from],
      });
    });

    it.each([undefined, null, '', '  '])(
      'requires permanentFix, not %p',
      permanentFix => {
        expect(
          checkProblemTransition({
            from,
            to: 'resolved',
            fields: { resolutionCode: 'fix_applied', permanentFix },
          }),
        ).toEqual({
          ok: false,
          field: 'permanentFix',
          reason: 'permanentFix is required to resolve a problem',
          allowed: expectedAllowed[from],
        });
      },
    );
  });

  describe('closing an open problem', () => {
    it.each(openStatuses)('requires a resolutionCode from %s', from => {
      expect(
        checkProblemTransition({ from, to: 'closed', fields: {} }),
      ).toEqual({
        ok: false,
        field: 'resolutionCode',
        reason:
          'resolutionCode is required to close an unresolved problem; use one of duplicate, cancelled, risk_accepted',
        allowed: expectedAllowed[from],
      });
    });

    it.each(openStatuses)("refuses 'fix_applied' from %s", from => {
      expect(
        checkProblemTransition({
          from,
          to: 'closed',
          fields: { resolutionCode: 'fix_applied', permanentFix: 'Fix.' },
        }),
      ).toMatchObject({ ok: false, field: 'resolutionCode' });
    });

    it.each(
      openStatuses.flatMap(from =>
        (['cancelled', 'risk_accepted'] as const).map(
          code => [from, code] as const,
        ),
      ),
    )('accepts %s -> closed with %s', (from, resolutionCode) => {
      expect(
        checkProblemTransition({
          from,
          to: 'closed',
          fields: { resolutionCode },
        }),
      ).toEqual({ ok: true });
    });

    it.each([undefined, null, ''])(
      "requires duplicateOf for 'duplicate', not %p",
      duplicateOf => {
        expect(
          checkProblemTransition({
            from: 'assess',
            to: 'closed',
            fields: { resolutionCode: 'duplicate', duplicateOf },
          }),
        ).toEqual({
          ok: false,
          field: 'duplicateOf',
          reason: "duplicateOf is required to close a problem as 'duplicate'",
          allowed: expectedAllowed.assess,
        });
      },
    );

    it.each(openStatuses)(
      "accepts 'duplicate' with duplicateOf from %s",
      from => {
        expect(
          checkProblemTransition({
            from,
            to: 'closed',
            fields: { resolutionCode: 'duplicate', duplicateOf: 'problem-1' },
          }),
        ).toEqual({ ok: true });
      },
    );
  });

  describe('rejecting a detected proposal', () => {
    it('tells a proposal from other problems', () => {
      expect(isProblemProposal({ source: 'detected', status: 'new' })).toBe(
        true,
      );
      expect(isProblemProposal({ source: 'detected', status: 'assess' })).toBe(
        false,
      );
      expect(isProblemProposal({ source: 'manual', status: 'new' })).toBe(
        false,
      );
    });

    it.each([undefined, null, '', '  '])(
      'requires a reason, not %p',
      resolutionNotes => {
        expect(
          checkProblemTransition({
            from: 'new',
            to: 'closed',
            fields: {
              resolutionCode: 'cancelled',
              proposal: true,
              resolutionNotes,
            },
          }),
        ).toEqual({
          ok: false,
          field: 'resolutionNotes',
          reason:
            'resolutionNotes is required to reject a detected proposal; say why its incidents do not share one cause',
          allowed: expectedAllowed.new,
        });
      },
    );

    it('accepts a rejection with a reason, and needs none to accept', () => {
      expect(
        checkProblemTransition({
          from: 'new',
          to: 'closed',
          fields: {
            resolutionCode: 'cancelled',
            proposal: true,
            resolutionNotes: 'Two unrelated causes',
          },
        }),
      ).toEqual({ ok: true });
      expect(
        checkProblemTransition({
          from: 'new',
          to: 'assess',
          fields: { proposal: true },
        }),
      ).toEqual({ ok: true });
    });
  });

  describe('leaving resolved', () => {
    it('closes keeping the resolution code, with nothing more required', () => {
      expect(
        checkProblemTransition({
          from: 'resolved',
          to: 'closed',
          fields: { resolutionCode: 'fix_applied', permanentFix: 'Fix.' },
        }),
      ).toEqual({ ok: true });
      expect(
        checkProblemTransition({ from: 'resolved', to: 'closed' }),
      ).toEqual({ ok: true });
    });

    it('goes back to root cause analysis', () => {
      expect(
        checkProblemTransition({ from: 'resolved', to: 'root_cause_analysis' }),
      ).toEqual({ ok: true });
    });
  });

  it.each<[ProblemStatus, ProblemStatus]>([
    ['new', 'assess'],
    ['assess', 'root_cause_analysis'],
    ['root_cause_analysis', 'fix_in_progress'],
  ])('needs no fields for %s -> %s', (from, to) => {
    expect(checkProblemTransition({ from, to })).toEqual({ ok: true });
  });
});

describe('canPublishKnownError', () => {
  it('needs both root cause and workaround', () => {
    expect(
      canPublishKnownError({
        rootCause: 'Pool exhausted under load.',
        workaround: 'Restart the pods.',
      }),
    ).toBe(true);
  });

  it.each([
    [{ rootCause: 'Cause.', workaround: '' }],
    [{ rootCause: 'Cause.', workaround: null }],
    [{ rootCause: 'Cause.' }],
    [{ rootCause: '  ', workaround: 'Restart.' }],
    [{ rootCause: null, workaround: 'Restart.' }],
    [{}],
  ])('refuses %p', fields => {
    expect(canPublishKnownError(fields)).toBe(false);
  });
});
