import {
  DoraFigures,
  itsmChangeReadPermission,
  itsmIncidentReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import {
  weekIndexOf,
  weekIndexesBetween,
  weekStartOfIndex,
} from '../../database/analysis/weekBuckets';
import { deployWeeks } from '../../database/changes/changeWeeks';
import { restoreWeeks } from '../../database/changes/restoreWeeks';
import { toIso } from '../../database/time';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { ScopeRequest, resolveScope } from '../../shared/entityScope';
import { ChangeConfig } from './changeConfig';

/**
 * DORA figures of an entity, owner, system or the organisation: deployment
 * frequency, change failure rate and time to restore, per UTC week.
 */
export class DoraService {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      catalog: CatalogService;
      config: ChangeConfig;
      now?: () => number;
    },
  ) {}

  /**
   * Deploys count by the whole weeks `[from, to)` touches; time to restore
   * counts the incidents created in `[from, to)` the caller may read.
   */
  async figures(options: {
    scope: ScopeRequest;
    from: number;
    to: number;
    caller: Caller;
  }): Promise<DoraFigures> {
    const { db, authorizer, catalog } = this.deps;
    const { credentials } = options.caller;
    await authorizer.require(itsmChangeReadPermission, credentials);
    const restrictIncidents = await authorizer.restrictionFor(
      itsmIncidentReadPermission,
      credentials,
    );
    const scope = await resolveScope({
      request: options.scope,
      catalog,
      credentials,
    });
    const { from, to } = options;
    const [deploys, restores] = await Promise.all([
      deployWeeks(db, {
        entityRefs: scope.entityRefs,
        fromWeek: weekIndexOf(from),
        toWeek: weekIndexOf(to - 1),
      }),
      restoreWeeks(db, {
        entityRefs: scope.entityRefs,
        from,
        to,
        now: this.deps.now?.() ?? Date.now(),
        restrictIncidents,
      }),
    ]);
    const deploysOf = new Map(deploys.map(w => [w.week, w]));
    const restoresOf = new Map(restores.map(w => [w.week, w]));
    const weekly = weekIndexesBetween(from, to).map(week => {
      const d = deploysOf.get(week);
      const r = restoresOf.get(week);
      return {
        weekStart: toIso(weekStartOfIndex(week)),
        deploys: d?.deploys ?? 0,
        failedDeploys: d?.failedDeploys ?? 0,
        resolvedIncidents: r?.resolved ?? 0,
        timeToRestoreMeanMs: r ? Math.round(r.restoreMs / r.resolved) : null,
      };
    });
    const total = (pick: (w: (typeof weekly)[number]) => number) =>
      weekly.reduce((sum, w) => sum + pick(w), 0);
    const deployCount = total(w => w.deploys);
    const failed = total(w => w.failedDeploys);
    const resolved = restores.reduce((sum, w) => sum + w.resolved, 0);
    const restoreMs = restores.reduce((sum, w) => sum + w.restoreMs, 0);
    return {
      scope,
      window: { from: toIso(from), to: toIso(to) },
      failureWindowMs: this.deps.config.failureWindowMs,
      deploys: deployCount,
      deploysPerWeek:
        weekly.length > 0
          ? Math.round((deployCount / weekly.length) * 100) / 100
          : 0,
      failedDeploys: failed,
      changeFailureRate: deployCount > 0 ? failed / deployCount : null,
      resolvedIncidents: resolved,
      timeToRestoreMeanMs:
        resolved > 0 ? Math.round(restoreMs / resolved) : null,
      weekly,
    };
  }
}
