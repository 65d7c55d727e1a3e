import { Problem, formatPriority } from '@backstage-itsm/plugin-itsm-common';
import { ChangeEvent, actorsOf } from './changeEvent';
import { Notice, recordLink, recordScope, severityOf } from './notice';

const ENDS = ['resolved', 'closed'];

function unique(refs: Array<string | null>): string[] {
  return [...new Set(refs.filter((ref): ref is string => Boolean(ref)))];
}

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
  const label = `${formatPriority(problem.priority)} ${problem.number}`;
  const base = {
    link: recordLink('problem', problem.number),
    severity: severityOf(problem.priority),
    scope: recordScope('problem', problem.id),
    exclude: actorsOf(events),
  };
  const affected = unique([problem.entityRef, ...problem.affectedEntityRefs]);
  const people = unique([problem.reporterRef, ...followers]);
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
        recipients: unique([problem.ownerRef ?? problem.entityRef, ...people]),
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
        recipients: unique([...affected, ...people]),
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
