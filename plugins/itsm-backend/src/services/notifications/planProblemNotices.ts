import { Problem } from '@backstage-itsm/plugin-itsm-common';
import { ChangeEvent } from './changeEvent';
import { Notice } from './notice';
import { recordNoticeBasics, uniqueRefs } from './recordNotice';

const ENDS = ['resolved', 'closed'];

/**
 * The notices of one committed change to a problem: published as a known
 * error or fixed (the owners of every affected entity), a public update
 * (owner, reporter, followers) and its end (reporter and followers).
 */
export function planProblemNotices(options: {
  problem: Problem;
  events: ChangeEvent[];
  followers: string[];
}): Notice[] {
  const { problem, events, followers } = options;
  const { label, base } = recordNoticeBasics('problem', problem, events);
  const affected = uniqueRefs([
    problem.entityRef,
    ...problem.affectedEntityRefs,
  ]);
  const people = uniqueRefs([problem.reporterRef, ...followers]);
  const notices: Notice[] = [];
  events.forEach((event, index) => {
    const key = `${index}:${event.kind}`;
    if (
      event.kind === 'field_changed' &&
      event.field === 'knownError' &&
      event.newValue === 'true'
    ) {
      notices.push({
        ...base,
        key,
        kind: 'problem-known-error',
        recipients: affected,
        title: `Known error ${label}: ${problem.title}`,
        description: `Workaround: ${problem.workaround ?? 'none yet'}`,
      });
    } else if (event.kind === 'status_update') {
      notices.push({
        ...base,
        key,
        kind: 'problem-update',
        recipients: uniqueRefs([
          problem.ownerRef ?? problem.entityRef,
          ...people,
        ]),
        title: `Update on ${label}: ${problem.title}`,
        description: event.body ?? '',
      });
    } else if (
      event.kind === 'transition' &&
      event.newValue === 'resolved' &&
      problem.resolutionCode === 'fix_applied'
    ) {
      notices.push({
        ...base,
        key,
        kind: 'problem-fixed',
        recipients: uniqueRefs([...affected, ...people]),
        title: `${label} is fixed: ${problem.title}`,
        description: problem.permanentFix ?? 'A permanent fix was applied.',
      });
    } else if (
      event.kind === 'transition' &&
      event.newValue &&
      ENDS.includes(event.newValue)
    ) {
      notices.push({
        ...base,
        key,
        kind: 'problem-resolved',
        recipients: people,
        title: `${label} is ${event.newValue}: ${problem.title}`,
        description:
          problem.resolutionNotes ?? event.body ?? `Now ${event.newValue}.`,
      });
    }
  });
  return notices;
}
