import { ProblemStatus } from '@backstage-itsm/plugin-itsm-common';
import { ProblemFrame } from './model';
import { PROBLEM_SCENARIOS } from './problemScenarios';
import { Random } from './random';
import { DAY } from './time';

/** Places every problem scenario in time relative to `now`, numbered by creation time. */
export function planProblems(r: Random, now: number): ProblemFrame[] {
  const frames = PROBLEM_SCENARIOS.map(scenario => {
    const at = (daysAgo: number) => Math.round(now - daysAgo * DAY);
    const [[first, createdDaysAgo], ...changes] = scenario.history;
    if (first !== 'new') {
      throw new Error(`Problem scenario ${scenario.key} must start in 'new'`);
    }
    let from: ProblemStatus = first;
    const transitions = changes.map(([to, daysAgo]) => {
      const transition = { from, to, at: at(daysAgo) };
      from = to;
      return transition;
    });
    const timeOf = (status: string) =>
      transitions.find(t => t.to === status)?.at ?? null;
    return {
      scenario,
      id: r.uuid(),
      number: 0,
      createdAt: at(createdDaysAgo),
      transitions,
      knownErrorAt:
        scenario.knownErrorDaysAgo === undefined
          ? null
          : at(scenario.knownErrorDaysAgo),
      resolvedAt: timeOf('resolved'),
      closedAt: timeOf('closed'),
    };
  });
  frames.sort((a, b) => a.createdAt - b.createdAt);
  frames.forEach((frame, index) => {
    frame.number = index + 1;
  });
  return frames;
}
