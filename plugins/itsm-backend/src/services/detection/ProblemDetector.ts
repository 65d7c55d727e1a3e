import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PriorityMatrix } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { ProposalOutcome, proposeProblem } from './proposeProblem';
import {
  busyEntityCategories,
  entitiesWithUnlinkedIncidents,
  unlinkedIncidents,
} from '../../database/detection/unlinkedIncidents';
import { changeFollowedIncidents } from '../../database/detection/changeFollowedIncidents';
import { changeFollowedRule } from './changeFollowedRule';
import { DetectionConfig } from './detectionConfig';
import { dependencyTargets } from './dependencyTargets';
import { EntityTitles, entityTitles } from './entityTitles';
import { majorIncidentRule } from './majorIncidentRule';
import { ProblemProposal } from './proposal';
import { repeatedIncidentsRule } from './repeatedIncidentsRule';
import { sharedDependencyRule } from './sharedDependencyRule';

/** Counts of one detection run, by outcome. */
export type DetectionRunSummary = Record<ProposalOutcome, number>;

/**
 * Proposes problems from recent incidents that no problem covers yet. Rules
 * run in turn, most specific first (incidents after changes, a shared
 * dependency, then repetition, then single major incidents); each reads the incidents left unlinked by the
 * ones before it.
 */
export class ProblemDetector {
  constructor(
    private readonly deps: {
      db: Knex;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      config: DetectionConfig;
      priorityMatrix: PriorityMatrix;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** One detection pass. */
  async run(): Promise<DetectionRunSummary> {
    const { config } = this.deps;
    const summary: DetectionRunSummary = {
      proposed: 0,
      already_proposed: 0,
      incidents_taken: 0,
    };
    const since = this.now() - config.lookbackMs;
    const record = async (proposals: ProblemProposal[]) => {
      for (const proposal of proposals) {
        const outcome = await proposeProblem(this.deps.db, {
          proposal,
          priorityMatrix: this.deps.priorityMatrix,
          now: this.now(),
        });
        summary[outcome] += 1;
        if (outcome === 'proposed') {
          this.deps.logger.info(`Proposed a problem: ${proposal.title}`, {
            rule: proposal.rule,
            detectionKey: proposal.detectionKey,
          });
        }
      }
    };
    if (config.changeFollowed) {
      await record(await this.changeFollowed(since));
    }
    if (config.sharedDependency) {
      await record(await this.sharedDependency(since));
    }
    if (config.repeatedIncidents) {
      await record(await this.repeatedIncidents(since));
    }
    if (config.majorIncidents) {
      const candidates = await unlinkedIncidents(this.deps.db, {
        since,
        onlyMajor: true,
      });
      await record(
        majorIncidentRule(candidates, {
          titleOf: await this.titles(candidates.map(i => i.entityRef)),
        }),
      );
    }
    return summary;
  }

  private async changeFollowed(since: number) {
    const rule = this.deps.config.changeFollowed!;
    const followed = await changeFollowedIncidents(this.deps.db, {
      since,
      intervalMs: rule.intervalMs,
    });
    return changeFollowedRule(followed, {
      ...rule,
      titleOf: await this.titles([
        ...new Set(followed.map(f => f.change.entityRef)),
      ]),
    });
  }

  private async repeatedIncidents(since: number) {
    const rule = this.deps.config.repeatedIncidents!;
    const groups = await busyEntityCategories(this.deps.db, {
      since,
      minIncidents: rule.minIncidents,
    });
    if (groups.length === 0) {
      return [];
    }
    const wanted = new Set(groups.map(g => `${g.entityRef}\n${g.category}`));
    const candidates = await unlinkedIncidents(this.deps.db, {
      since,
      entityRefs: [...new Set(groups.map(g => g.entityRef))],
    });
    const grouped = candidates.filter(i =>
      wanted.has(`${i.entityRef}\n${i.category}`),
    );
    return repeatedIncidentsRule(grouped, {
      ...rule,
      titleOf: await this.titles(grouped.map(i => i.entityRef)),
    });
  }

  private async sharedDependency(since: number) {
    const rule = this.deps.config.sharedDependency!;
    const entityRefs = await entitiesWithUnlinkedIncidents(this.deps.db, since);
    if (entityRefs.length < rule.minComponents) {
      return [];
    }
    const targets = await dependencyTargets({
      catalog: this.deps.catalog,
      entityRefs,
      minDependents: rule.minComponents,
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (targets.length === 0) {
      return [];
    }
    const dependentRefs = new Set(targets.flatMap(t => [...t.dependents]));
    const candidates = await unlinkedIncidents(this.deps.db, {
      since,
      entityRefs: [...dependentRefs],
    });
    return sharedDependencyRule({
      candidates,
      targets,
      rule,
      titleOf: await this.titles([
        ...targets.map(t => t.entityRef),
        ...dependentRefs,
      ]),
    });
  }

  /** Entity titles for the proposals' titles and reasons. */
  private async titles(refs: string[]): Promise<EntityTitles> {
    return entityTitles({
      catalog: this.deps.catalog,
      refs,
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
  }
}
