import {
  AnalysisScope,
  ReliabilityAnalysis,
  itsmIncidentReadPermission,
  itsmProblemReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { actionItemCounts } from '../../database/analysis/actionItemCounts';
import { AnalysisFilter } from '../../database/analysis/analysisScope';
import { durationStats } from '../../database/analysis/durationStats';
import { fixEffects } from '../../database/analysis/fixEffects';
import { incidentTrend } from '../../database/analysis/incidentTrend';
import { slaCompliance } from '../../database/analysis/slaCompliance';
import {
  knownErrors,
  openProblems,
  problemsRootedElsewhere,
  problemsRootedHere,
} from '../../database/analysis/problemSections';
import { toIso } from '../../database/time';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { ScopeRequest, resolveScope } from '../../shared/entityScope';

/** Reliability figures of an entity, an owner, a system or the organisation. */
export class AnalysisService {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      catalog: CatalogService;
      now?: () => number;
      /** Whether SLA targets are configured, so the analysis has SLA figures. */
      slaEnabled?: boolean;
    },
  ) {}

  /** Analyses the records of a scope the caller may read, over `[from, to)`. */
  async analyse(options: {
    scope: ScopeRequest;
    from: number;
    to: number;
    caller: Caller;
  }): Promise<ReliabilityAnalysis> {
    const { db, authorizer } = this.deps;
    const { credentials } = options.caller;
    const [restrictIncidents, restrictProblems] =
      await authorizer.restrictionsFor(
        [itsmIncidentReadPermission, itsmProblemReadPermission],
        credentials,
      );
    const scope: AnalysisScope = await resolveScope({
      request: options.scope,
      catalog: this.deps.catalog,
      credentials,
    });
    const now = this.deps.now?.() ?? Date.now();
    const filter: AnalysisFilter = {
      entityRefs: scope.entityRefs,
      from: options.from,
      to: options.to,
      now,
      restrictIncidents,
      restrictProblems,
    };
    const [
      trend,
      durations,
      open,
      known,
      actions,
      rootedHere,
      rootedElsewhere,
      fixes,
      sla,
    ] = await Promise.all([
      incidentTrend(db, filter),
      durationStats(db, filter),
      openProblems(db, filter),
      knownErrors(db, filter),
      actionItemCounts(db, filter),
      problemsRootedHere(db, filter),
      problemsRootedElsewhere(db, filter),
      fixEffects(db, filter),
      this.deps.slaEnabled ? slaCompliance(db, filter) : undefined,
    ]);
    return {
      scope,
      window: { from: toIso(options.from), to: toIso(options.to) },
      generatedAt: toIso(now),
      incidents: {
        total: trend.total,
        byPriority: trend.byPriority,
        weekly: trend.weekly,
        topCategories: trend.topCategories,
      },
      mtta: durations.mtta,
      mttr: durations.mttr,
      mtbfMs: trend.mtbfMs,
      repeat: {
        incidents: trend.repeatIncidents,
        total: trend.total,
        rate: trend.total > 0 ? trend.repeatIncidents / trend.total : null,
      },
      openProblems: open,
      knownErrors: known,
      actionItems: actions,
      rootedHere,
      rootedElsewhere,
      fixEffects: fixes,
      ...(sla ? { sla } : {}),
    };
  }
}
