import { Incident, formatPriority } from '@backstage-itsm/plugin-itsm-common';
import { ReachedEntity } from '../../shared/dependencyGraph';
import { ChangeEvent, actorsOf } from './changeEvent';
import {
  Notice,
  entityName,
  recordLink,
  recordScope,
  severityOf,
} from './notice';

/** Whether the change opened a P1/P2 or raised an incident to P1/P2. */
export function exposesDependents(options: {
  incident: Pick<Incident, 'priority'>;
  events: ChangeEvent[];
}): boolean {
  return options.events.some(event => {
    if (event.kind === 'created') {
      return options.incident.priority <= 2;
    }
    if (event.kind !== 'field_changed' || event.field !== 'priority') {
      return false;
    }
    const from = Number(event.oldValue);
    const to = Number(event.newValue);
    return to <= 2 && to < from;
  });
}

/** `checkout-api depends on payments-api`, through the entities between. */
function describePath(path: string[]): string {
  const names = path.map(entityName).reverse();
  return names
    .slice(0, -1)
    .map((name, index) => `${name} depends on ${names[index + 1]}`)
    .join(', ');
}

/**
 * One notice per owner of the entities that depend on the incident's entity,
 * saying which of theirs are exposed and through what path. Owners already
 * told of the incident itself are left out, so their notice is not replaced.
 */
export function planDependentNotices(options: {
  incident: Incident;
  events: ChangeEvent[];
  dependents: ReachedEntity[];
  alreadyTold: string[];
}): Notice[] {
  const { incident, dependents, alreadyTold } = options;
  const byOwner = new Map<string, ReachedEntity[]>();
  for (const dependent of dependents) {
    if (!dependent.ownerRef || alreadyTold.includes(dependent.ownerRef)) {
      continue;
    }
    const owned = byOwner.get(dependent.ownerRef) ?? [];
    owned.push(dependent);
    byOwner.set(dependent.ownerRef, owned);
  }
  const label = `${formatPriority(incident.priority)} ${incident.number}`;
  const on = entityName(incident.entityRef);
  return [...byOwner.entries()].map(([ownerRef, owned]) => ({
    key: `dependents:${ownerRef}`,
    kind: 'incident-dependents',
    recipients: [ownerRef],
    exclude: actorsOf(options.events),
    title:
      owned.length === 1
        ? `${entityName(owned[0].entityRef)} is exposed to ${label} on ${on}`
        : `${owned.length} of your entities are exposed to ${label} on ${on}`,
    // The notifications list shows the description on one line: sentences, not lines.
    description: `${label}: ${incident.title}. Exposed: ${owned
      .map(dependent => describePath(dependent.path))
      .join('; ')}.`,
    link: recordLink('incident', incident.number),
    severity: severityOf(incident.priority),
    scope: recordScope('incident', incident.id),
  }));
}
