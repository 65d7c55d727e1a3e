import {
  EntityItsmSummary,
  SUMMARY_WINDOW_DAYS,
  itsmIncidentReadPermission,
  itsmProblemReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import {
  countKnownErrorsInEffect,
  countOpenIncidentsByPriority,
  countOpenProblems,
  meanTimeToResolve,
} from '../../database/entitySummary';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The entity overview card's figures, over the records the caller may read. */
export class EntitySummaryService {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      now?: () => number;
    },
  ) {}

  async summarise(
    entityRef: string,
    caller: Caller,
  ): Promise<EntityItsmSummary> {
    const { db, authorizer } = this.deps;
    const [incidentRestriction, problemRestriction] = await Promise.all([
      authorizer.restrictionFor(itsmIncidentReadPermission, caller.credentials),
      authorizer.restrictionFor(itsmProblemReadPermission, caller.credentials),
    ]);
    const now = this.deps.now?.() ?? Date.now();
    const since = now - SUMMARY_WINDOW_DAYS * DAY_MS;
    const [openIncidentsByPriority, mttr, openProblems, knownErrors] =
      await Promise.all([
        countOpenIncidentsByPriority(db, {
          entityRef,
          restrict: incidentRestriction,
        }),
        meanTimeToResolve(db, {
          entityRef,
          since,
          restrict: incidentRestriction,
        }),
        countOpenProblems(db, { entityRef, restrict: problemRestriction }),
        countKnownErrorsInEffect(db, {
          entityRef,
          restrict: problemRestriction,
        }),
      ]);
    return {
      entityRef,
      openIncidentsByPriority,
      mttrMs: mttr.meanMs,
      resolvedIncidents: mttr.count,
      windowDays: SUMMARY_WINDOW_DAYS,
      openProblems,
      knownErrors,
    };
  }
}
