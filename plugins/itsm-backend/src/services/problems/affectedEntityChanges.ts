import { InputError } from '@backstage/errors';
import { NewTimelineEvent } from '../../database/timeline';

/**
 * The timeline rows of an edit of the entities a problem hurts, `requested`
 * being the whole new list. Entities of linked incidents stay affected while
 * those incidents are linked: leaving one out is a 400 naming it.
 */
export function affectedEntityChanges(options: {
  problemId: string;
  before: readonly string[];
  requested: readonly string[];
  fromIncidents: readonly string[];
  actorRef: string;
}): NewTimelineEvent[] {
  const { problemId, before, requested, fromIncidents, actorRef } = options;
  const kept = fromIncidents.find(ref => !requested.includes(ref));
  if (kept) {
    throw new InputError(
      `affectedEntityRefs: '${kept}' is affected through linked incidents; unlink them to remove it`,
    );
  }
  const event = (change: 'added' | 'removed', ref: string) => ({
    recordType: 'problem' as const,
    recordId: problemId,
    kind: 'field_changed' as const,
    actorRef,
    field: 'affectedEntityRefs',
    oldValue: change === 'removed' ? ref : null,
    newValue: change === 'added' ? ref : null,
    body: `Affected entity ${change}: ${ref}`,
  });
  return [
    ...requested
      .filter(ref => !before.includes(ref))
      .map(ref => event('added', ref)),
    ...before
      .filter(ref => !requested.includes(ref))
      .map(ref => event('removed', ref)),
  ];
}
