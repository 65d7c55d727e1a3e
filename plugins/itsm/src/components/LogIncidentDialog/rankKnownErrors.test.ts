import { Problem } from '@backstage-itsm/plugin-itsm-common';
import { rankKnownErrors } from './rankKnownErrors';

const known = (title: string, symptoms: string | null = null) =>
  ({ title, statement: '', symptoms, rootCause: null } as Problem);

describe('rankKnownErrors', () => {
  it('puts the known errors sharing most typed words first', () => {
    const ranked = rankKnownErrors(
      [
        known('Disk fills up on ledger'),
        known('Token validation slow', 'login times out, HTTP 504'),
        known('Redis evictions'),
      ],
      'Login times out for customers',
    );
    expect(ranked.map(r => [r.problem.title, r.matches])).toEqual([
      ['Token validation slow', 3],
      ['Disk fills up on ledger', 0],
      ['Redis evictions', 0],
    ]);
  });

  it('keeps the original order when nothing is typed', () => {
    const ranked = rankKnownErrors([known('B'), known('A')], '');
    expect(ranked.map(r => r.problem.title)).toEqual(['B', 'A']);
  });
});
