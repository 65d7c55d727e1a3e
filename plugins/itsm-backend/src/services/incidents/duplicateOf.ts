import { InputError, NotFoundError } from '@backstage/errors';
import {
  IncidentStatus,
  formatIncidentNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { findIncidentRow } from '../../database/incidents';
import { IncidentRow } from '../../database/tables';
import { NewTimelineEvent } from '../../database/timeline';

/**
 * The original a transition names in `duplicateOf`: required when resolving
 * as `duplicate` and refused otherwise; a 404 for an unknown incident, a 400
 * for the incident itself or for one that is a duplicate in turn.
 */
export async function findOriginal(
  db: Knex,
  options: {
    row: IncidentRow;
    input: {
      to: IncidentStatus;
      resolutionCode?: string;
      duplicateOf?: string;
    };
  },
): Promise<IncidentRow | undefined> {
  const { row, input } = options;
  const resolvingAsDuplicate =
    input.to === 'resolved' && input.resolutionCode === 'duplicate';
  if (!resolvingAsDuplicate) {
    if (input.duplicateOf !== undefined) {
      throw new InputError(
        "duplicateOf: only when resolving with resolutionCode 'duplicate'",
      );
    }
    return undefined;
  }
  if (input.duplicateOf === undefined) {
    throw new InputError(
      "duplicateOf: is required to resolve an incident as 'duplicate'; give the original's id or number",
    );
  }
  const original = await findIncidentRow(db, input.duplicateOf);
  if (!original) {
    throw new NotFoundError(`duplicateOf: no incident '${input.duplicateOf}'`);
  }
  if (original.id === row.id) {
    throw new InputError(
      'duplicateOf: an incident cannot be a duplicate of itself',
    );
  }
  if (original.duplicate_of_id) {
    const root = formatIncidentNumber(Number(original.duplicate_of_number));
    throw new InputError(
      `duplicateOf: ${formatIncidentNumber(
        original.number,
      )} is itself a duplicate of ${root}; use ${root}`,
    );
  }
  return original;
}

/** The columns of a duplicate and the timeline rows of both incidents. */
export function duplicateLink(options: {
  duplicate: IncidentRow;
  original: IncidentRow;
  actorRef: string;
}): { changes: Partial<IncidentRow>; events: NewTimelineEvent[] } {
  const { duplicate, original, actorRef } = options;
  const duplicateNumber = formatIncidentNumber(Number(duplicate.number));
  const originalNumber = formatIncidentNumber(Number(original.number));
  return {
    changes: {
      duplicate_of_id: original.id,
      duplicate_of_number: Number(original.number),
    },
    events: [
      {
        recordType: 'incident',
        recordId: duplicate.id,
        kind: 'duplicate_of',
        actorRef,
        field: 'duplicateOf',
        newValue: originalNumber,
        body: `Duplicate of ${originalNumber}`,
      },
      {
        recordType: 'incident',
        recordId: original.id,
        kind: 'duplicate_added',
        actorRef,
        field: 'duplicates',
        newValue: duplicateNumber,
        body: `${duplicateNumber} was resolved as a duplicate of this incident`,
      },
    ],
  };
}
