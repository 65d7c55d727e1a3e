import { Priority, formatPriority } from '@backstage-itsm/plugin-itsm-common';
import { ChangeEvent, actorsOf } from './changeEvent';
import { recordLink, recordScope, severityOf } from './notice';

/** The refs that are set, each once, in the order first seen. */
export function uniqueRefs(refs: Array<string | null>): string[] {
  return [...new Set(refs.filter((ref): ref is string => Boolean(ref)))];
}

/**
 * What every notice of one change to an incident or a problem shares: the
 * label naming the record, and its link, severity, scope and the actors
 * left out of the recipients.
 */
export function recordNoticeBasics(
  recordType: 'incident' | 'problem',
  record: { id: string; number: string; priority: Priority },
  events: ChangeEvent[],
) {
  return {
    label: `${formatPriority(record.priority)} ${record.number}`,
    base: {
      link: recordLink(recordType, record.number),
      severity: severityOf(record.priority),
      scope: recordScope(recordType, record.id),
      exclude: actorsOf(events),
    },
  };
}
