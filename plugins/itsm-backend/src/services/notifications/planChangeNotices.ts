import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { findActionItemRow } from '../../database/actionItems';
import { listFollowers } from '../../database/followers';
import { actionItemFromRow } from '../../database/mappers';
import { walkDependencyGraph } from '../../shared/dependencyGraph';
import { LoadedChange } from './loadChange';
import { Notice, enabledNotices } from './notice';
import { NotificationConfig } from './notificationConfig';
import {
  assignedActionItemIds,
  planActionItemNotices,
} from './planActionItemNotices';
import {
  exposesDependents,
  planDependentNotices,
} from './planDependentNotices';
import { planIncidentNotices } from './planIncidentNotices';
import { planMajorIncidentNotices } from './planMajorIncidentNotices';
import { planProblemNotices } from './planProblemNotices';
import { planSlaNotices } from './planSlaNotices';

async function actionItemNotices(db: Knex, change: LoadedChange) {
  const ids = assignedActionItemIds(change.events);
  const rows = await Promise.all(ids.map(id => findActionItemRow(db, id)));
  return planActionItemNotices({
    events: change.events,
    items: rows.flatMap(row => (row ? [actionItemFromRow(row)] : [])),
    parent: { recordType: change.recordType, number: change.record.number },
  });
}

/**
 * Everything a committed change should tell, enabled kinds only: the
 * record's own notices, its action items', and for a P1/P2 the owners of
 * the entities that depend on its entity.
 */
export async function planChangeNotices(options: {
  db: Knex;
  catalog: CatalogService;
  auth: AuthService;
  config: NotificationConfig;
  change: LoadedChange;
}): Promise<Notice[]> {
  const { db, catalog, auth, config, change } = options;
  const notices: Notice[] = [];
  if (change.recordType === 'incident') {
    const { record: incident, events } = change;
    const followers = await listFollowers(db, [
      { targetType: 'incident', targetId: incident.id },
      { targetType: 'entity', targetId: incident.entityRef },
    ]);
    const own = planIncidentNotices({ incident, events, followers });
    notices.push(...own, ...planSlaNotices({ incident, events }));
    notices.push(...planMajorIncidentNotices({ incident, events, followers }));
    if (
      config.kinds.has('incident-dependents') &&
      exposesDependents({ incident, events })
    ) {
      const dependents = await walkDependencyGraph({
        catalog,
        credentials: await auth.getOwnServiceCredentials(),
        from: incident.entityRef,
        direction: 'dependents',
        maxDepth: config.dependencyDepth,
      });
      notices.push(
        ...planDependentNotices({
          incident,
          events,
          dependents,
          alreadyTold: enabledNotices(own, config.kinds)
            .filter(notice => notice.kind === 'incident-opened')
            .flatMap(notice => notice.recipients),
        }),
      );
    }
  } else {
    const followers = await listFollowers(db, [
      { targetType: 'problem', targetId: change.record.id },
    ]);
    notices.push(
      ...planProblemNotices({
        problem: change.record,
        events: change.events,
        followers,
      }),
    );
  }
  notices.push(...(await actionItemNotices(db, change)));
  return enabledNotices(notices, config.kinds);
}
