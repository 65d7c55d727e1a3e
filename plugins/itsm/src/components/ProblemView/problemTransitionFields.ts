import {
  PROBLEM_EARLY_CLOSE_CODES,
  ProblemStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { TransitionField } from '../shared/TransitionDialog';
import { PROBLEM_RESOLUTION_LABELS } from '../shared/labels';

/** What each problem move asks for, and how it is explained. */
export function problemTransitionPrompt(options: {
  to: ProblemStatus;
  fromOpen: boolean;
}):
  | {
      description: string;
      fields: TransitionField[];
      fixed?: Record<string, string>;
    }
  | undefined {
  const { to, fromOpen } = options;
  if (to === 'resolved') {
    return {
      description:
        'The permanent fix is in place. Describe the fix in the analysis first; resolution notes say how it was verified.',
      fields: [
        { name: 'resolutionNotes', label: 'Resolution notes', multiline: true },
      ],
      fixed: { resolutionCode: 'fix_applied' },
    };
  }
  if (to === 'closed' && fromOpen) {
    return {
      description:
        'Close a problem that will not be fixed. Say why: a duplicate names the problem it repeats.',
      fields: [
        {
          name: 'resolutionCode',
          label: 'Reason',
          required: true,
          options: PROBLEM_EARLY_CLOSE_CODES.map(code => ({
            value: code,
            label: PROBLEM_RESOLUTION_LABELS[code],
          })),
        },
        {
          name: 'duplicateOf',
          label: 'Duplicate of',
          record: 'problem',
          required: true,
          shownWhen: { name: 'resolutionCode', value: 'duplicate' },
        },
        { name: 'resolutionNotes', label: 'Notes', multiline: true },
      ],
    };
  }
  return undefined;
}
