import { Problem } from '@backstage-itsm/plugin-itsm-common';
import { TransitionField } from '../shared/TransitionDialog';

/** A decision that the problem view confirms before it is made, with what it asks for. */
export type Confirmable = 'accept' | 'reject' | 'publish';

function incidentsText(count: number): string {
  if (count === 0) {
    return 'No incidents are linked to it.';
  }
  return count === 1
    ? 'Its incident is released, so that it can be linked to the right problem'
    : `Its ${count} incidents are released, so that they can be linked to the right problem`;
}

/** What confirming each decision says, and the fields it asks for. */
export function confirmPrompt(options: {
  problem: Problem;
  decision: Confirmable;
}): {
  title: string;
  description: string;
  confirmLabel: string;
  fields: TransitionField[];
} {
  const { problem, decision } = options;
  if (decision === 'accept') {
    return {
      title: `Accept proposal ${problem.number}`,
      description: `The problem moves on to assessment with its linked incidents, and is worked on like any other.`,
      confirmLabel: 'Accept',
      fields: [],
    };
  }
  if (decision === 'reject') {
    const released = incidentsText(problem.incidentCount);
    return {
      title: `Reject proposal ${problem.number}`,
      description: `The proposal is closed as cancelled. ${released}${
        problem.incidentCount === 0 ? '' : '.'
      } Detection will not propose the same group again. Your reason is kept in the timeline.`,
      confirmLabel: 'Reject',
      fields: [
        {
          name: 'resolutionNotes',
          label: 'Reason',
          required: true,
          multiline: true,
        },
      ],
    };
  }
  return {
    title: `Publish ${problem.number} as a known error`,
    description:
      'Its root cause and workaround go into the known error database and are offered to whoever logs an incident on the services it affects. A known error stays published until the problem is closed.',
    confirmLabel: 'Publish',
    fields: [],
  };
}
